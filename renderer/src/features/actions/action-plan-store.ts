/**
 * The action plan's view state: its sort, its filter, and the cell being edited with its draft.
 * It outlives the view (a store, not component state), so switching views and back finds the
 * plan as it was left. UI state only; never saved, never undone.
 */
import { create } from 'zustand';
import type { ActionFilter, ActionSort } from '@shared/model/action-plan';

export interface ActionPlanState {
  readonly sort: ActionSort | null;
  readonly filter: ActionFilter;
  setSort(sort: ActionSort | null): void;
  setFilter(patch: Partial<ActionFilter>): void;
  clearFilter(): void;
}

export const useActionPlanStore = create<ActionPlanState>()((set) => ({
  sort: null,
  filter: {},
  setSort: (sort) => set({ sort }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearFilter: () => set({ filter: {} }),
}));
