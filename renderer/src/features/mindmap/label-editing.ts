/**
 * Commits an in-place label edit as one undo step: a topic's label, or a stage's name when
 * the edited node is a stage group. An unchanged label writes nothing. A just-added topic's name
 * passes its own policy (new-topic-entry.ts `nameStep`: merged into the add's step).
 */
import { renameTopic, renameStage } from '@shared/model/commands';
import { useDocumentStore } from '../../store/document-store';
import { runCommand, type HistoryOptions } from '../../store/run-command';
import { stageOfNode } from '../../drawing/mind-model';
import { viewModelFor } from './view-model';
import { isTopicIdOf } from '@shared/model/selectors';

export function commitLabel(nodeId: string, text: string, history?: HistoryOptions): void {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return;
  const topic = isTopicIdOf(doc, nodeId) ? doc.topics[nodeId] : undefined;
  if (topic) {
    if (topic.label !== text) runCommand((d) => renameTopic(d, topic.id, text), history);
    return;
  }
  // only a stage group's label is the stage's name (a channel sub-group under a stage is not)
  const stageId = stageOfNode(viewModelFor(doc), nodeId);
  if (!stageId) return;
  const stage = doc.map.stages.find((s) => s.id === stageId);
  const name = text.trim();
  if (stage && name && stage.name !== name) runCommand((d) => renameStage(d, stage.id, name), history);
}
