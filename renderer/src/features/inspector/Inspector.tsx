/**
 * The inspector: the selected touchpoint's channel, stage, kind, ratings, reaction and notes.
 * Changing channel or stage moves the node to its new group at once (the map is a projection).
 */
import { renameTopic, setTopicFields, setCompetitorScore, addCompetitor, renameCompetitor, moveToGroup } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { scoreBand, touchpointOf } from '@shared/model/selectors';
import { KINDS, REACTIONS, type Channel, type Kind, type Reaction, type Topic, type TopicFields } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { selectPrimary, useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t } from '../../i18n';
import { ChoiceField, RatingField, TextField } from './fields';

const setFields = (id: string, patch: Partial<TopicFields>) => runCommand((d) => setTopicFields(d, [id], patch));

function CompetitorScore({ topic }: { readonly topic: Topic }) {
  const competitor = useDocumentStore((s) => s.doc?.map.competitors[0]);
  const onChange = (score: number | undefined) => {
    if (competitor) {
      runCommand((d) => setCompetitorScore(d, [topic.id], competitor.id, score));
    } else if (score !== undefined) {
      // one competitor for now: the first score names one, in the same undo step
      const id = newId('c');
      runCommand((d) => setCompetitorScore(addCompetitor(d, { id, name: t('competitor.default') }), [topic.id], id, score));
    }
  };
  return (
    <>
      {competitor && (
        <TextField label={t('inspector.competitorName')} value={competitor.name} onCommit={(name) => runCommand((d) => renameCompetitor(d, competitor.id, name))} />
      )}
      <RatingField
        label={t('inspector.competitorScore')}
        min={0}
        max={10}
        value={competitor ? topic.competitorScores?.[competitor.id] : undefined}
        onChange={onChange}
        bandOf={scoreBand}
      />
    </>
  );
}

export function Inspector() {
  const selected = useUiStore(selectPrimary);
  const topic = useDocumentStore((s) => (selected ? s.doc?.topics[selected] : undefined));
  const stages = useDocumentStore((s) => s.doc?.map.stages);
  const parentTouchpoint = useDocumentStore((s) => (s.doc && topic && topic.parentId !== null ? touchpointOf(s.doc, topic.id) : undefined));

  if (!topic) {
    return (
      <aside className="inspector" aria-label={t('inspector.title')}>
        <h2 className="inspector__title">{t('inspector.title')}</h2>
        <p className="muted">{selected?.startsWith('group:') ? t('inspector.groupHint') : t('inspector.nothing')}</p>
      </aside>
    );
  }

  const isRoot = topic.parentId === null;
  const isDetail = !isRoot && parentTouchpoint !== undefined && parentTouchpoint.id !== topic.id;

  return (
    <aside className="inspector" aria-label={t('inspector.title')}>
      <h2 className="inspector__title">{t('inspector.title')}</h2>
      <form className="inspector__form" onSubmit={(event) => event.preventDefault()}>
        <TextField label={t('inspector.label')} value={topic.label} onCommit={(label) => runCommand((d) => renameTopic(d, topic.id, label))} />
        {isRoot ? (
          <p className="muted">{t('inspector.rootHint')}</p>
        ) : (
          <>
            {isDetail ? (
              <p className="muted">{t('inspector.detailOf', { label: parentTouchpoint?.label ?? '' })}</p>
            ) : (
              <div className="field-row">
                <ChoiceField<Channel>
                  label={t('inspector.channel')}
                  value={topic.channel}
                  emptyLabel={t('inspector.none')}
                  options={[
                    { value: 'online', label: t('channel.online') },
                    { value: 'offline', label: t('channel.offline') },
                  ]}
                  onChange={(channel) => runCommand((d) => moveToGroup(d, [topic.id], { channel: channel ?? null }))}
                />
                <ChoiceField<string>
                  label={t('inspector.stage')}
                  value={topic.stageId}
                  emptyLabel={t('inspector.none')}
                  options={(stages ?? []).map((stage) => ({ value: stage.id, label: stage.name }))}
                  onChange={(stageId) => runCommand((d) => moveToGroup(d, [topic.id], { stageId: stageId ?? null }))}
                />
              </div>
            )}
            <ChoiceField<Kind>
              label={t('inspector.kind')}
              value={topic.kind}
              emptyLabel={t('inspector.none')}
              options={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
              onChange={(kind) => setFields(topic.id, { kind })}
            />
            <RatingField label={t('inspector.importance')} min={1} max={10} value={topic.importance} onChange={(importance) => setFields(topic.id, { importance })} />
            <RatingField label={t('inspector.score')} min={0} max={10} value={topic.score} onChange={(score) => setFields(topic.id, { score })} bandOf={scoreBand} />
            <CompetitorScore topic={topic} />
            <ChoiceField<Reaction>
              label={t('inspector.reaction')}
              value={topic.reaction}
              emptyLabel={t('inspector.none')}
              options={REACTIONS.map((reaction) => ({ value: reaction, label: t(`reaction.${reaction}`) }))}
              onChange={(reaction) => setFields(topic.id, { reaction })}
            />
            <TextField label={t('inspector.notes')} value={topic.notes ?? ''} multiline onCommit={(notes) => setFields(topic.id, { notes: notes || undefined })} />
          </>
        )}
      </form>
    </aside>
  );
}
