/**
 * The "Add to chain…" chooser and the touchpoint context menu that offers it (add-to-chain.ts).
 * The chooser lists the map's chains — arrow keys move, Enter or a click picks — and a field for a
 * new chain's name (Enter creates it). The context menu opens on a right-click (or the context-menu
 * key) on a touchpoint or detail of the mind map or the grid, selecting it first when it was not.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { chainsOf, isTopicIdOf, touchpointOf } from '@shared/model/selectors';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { chainColourVar } from '../../drawing/theme';
import { nextChainName } from './chain-model';
import { addSelectionToChain, chooseChain } from './add-to-chain';
import { useAddToChainStore } from './add-to-chain-store';
import type { TopicId } from '@shared/model/types';

/** Moves focus among the chooser's chain buttons with the arrow keys (Tab still leaves the list). */
function onListKey(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[(at + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length];
  next?.focus();
  event.preventDefault();
}

function Chooser({ steps }: { readonly steps: readonly string[] }) {
  const doc = useDocumentStore((s) => s.doc);
  const close = useAddToChainStore((s) => s.close);
  const [name, setName] = useState(() => (doc ? nextChainName(doc, t('chains.defaultName')) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (!doc) return null;
  const chains = chainsOf(doc);
  const only = steps.length === 1 ? doc.topics[steps[0] as TopicId] : undefined;
  const create = () => {
    if (name.trim() === '') return setProblem(t('chains.nameRequired'));
    chooseChain({ newChain: name });
  };
  return (
    <Dialog
      title={t('chains.addToChainTitle')}
      onCancel={close}
      onSubmit={create}
      actions={
        <button type="button" className="button" onClick={close}>
          {t('common.cancel')}
        </button>
      }
    >
      <p className="muted">{only ? t('chains.addToChainIntro.single', { label: only.label }) : t('chains.addToChainIntro', { count: steps.length })}</p>
      {chains.length > 0 && (
        <ul className="add-to-chain__list" aria-label={t('chains.title')} onKeyDown={onListKey}>
          {chains.map((chain, index) => (
            <li key={chain.id}>
              <button ref={index === 0 ? first : undefined} type="button" className="add-to-chain__option" onClick={() => chooseChain({ chainId: chain.id })}>
                <span className="add-to-chain__dot" style={{ background: chainColourVar(doc.chainOrder.indexOf(chain.id)) }} aria-hidden />
                {t('chains.addToChainOption', { name: chain.name, steps: t('chains.steps', { count: chain.steps.length }) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>{t('chains.addToChainNew')}</span>
        <input
          ref={chains.length === 0 ? (el) => el?.focus() : undefined}
          value={name}
          aria-label={t('chains.name')}
          aria-invalid={problem !== null}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
      </label>
      {problem && <p role="alert" className="field__error">{problem}</p>}
      <button type="submit" className="button button--primary">
        {t('chains.addToChainCreate')}
      </button>
    </Dialog>
  );
}

function ContextMenu({ x, y }: { readonly x: number; readonly y: number }) {
  const close = useAddToChainStore((s) => s.close);
  const item = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    item.current?.focus();
    const onDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !item.current?.parentElement?.contains(event.target)) close();
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [close]);
  return (
    <div
      className="context-menu"
      role="menu"
      aria-label={t('chains.contextMenu')}
      style={{ left: Math.min(x, window.innerWidth - 200), top: Math.min(y, window.innerHeight - 60) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button ref={item} type="button" role="menuitem" className="context-menu__item" onClick={() => addSelectionToChain()}>
        {t('chains.addToChain')}
      </button>
    </div>
  );
}

/** A right-click on a touchpoint or a detail (a mind-map node or a grid card): its menu. */
function useTouchpointContextMenu(): void {
  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-topic-id], .mind-node[data-node-id]') : null;
      const id = target?.dataset.topicId ?? target?.dataset.nodeId;
      const doc = useDocumentStore.getState().doc;
      if (!id || !doc || !(isTopicIdOf(doc, id) && touchpointOf(doc, id))) return;
      event.preventDefault();
      const ui = useUiStore.getState();
      if (!ui.selected.includes(id)) ui.select([id]);
      useAddToChainStore.getState().openMenu(event.clientX, event.clientY);
    };
    window.addEventListener('contextmenu', onContextMenu);
    return () => window.removeEventListener('contextmenu', onContextMenu);
  }, []);
}

export function AddToChainHost() {
  const steps = useAddToChainStore((s) => s.steps);
  const menu = useAddToChainStore((s) => s.menu);
  useTouchpointContextMenu();
  return (
    <>
      {menu && <ContextMenu x={menu.x} y={menu.y} />}
      {steps && <Chooser steps={steps} />}
    </>
  );
}
