/**
 * The inspector: every field of DOMAIN.md §3 for the selected touchpoint — or for several at once.
 * With many selected, each field shows the value they share or "mixed", and one decision sets it
 * for all of them in one undo step. Changing channel or stage moves the nodes to their new group
 * at once (the map is a projection). Fields are grouped in collapsible sections so the panel stays
 * scannable in a workshop.
 */
import { memo, useDeferredValue, useState } from 'react';
import { moveToGroup, renameTopic, setCompetitorScore, setTopicFields } from '@shared/model/commands';
import { competitorScoreOf, isRoot, isTopicIdOf, isTouchpoint, scoreBand, touchpointOf } from '@shared/model/selectors';
import { ACTION_STATUSES, ATTENTION_SPANS, KINDS, LIFESPANS, REACTIONS, type ActionStatus, type Attention, type Channel, type Kind, type Lifespan, type MapDoc, type Reaction, type StageId, type Topic, type TopicFields } from '@shared/model/types';
import { hintText, hintsFor } from '@shared/templates/hints';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t, useLanguage } from '../../i18n';
import { openMapSettings } from '../map-settings';
import { ChoiceField, DateField, MultiChoiceField, RatingField, Section, SegmentedField, TextField } from './fields';
import { commonValue, segmentState, setActionPart, toggleSegment, type ActionPart } from './edits';

type SectionName = 'basics' | 'ratings' | 'action' | 'details';
const bandWord = (score: number) => {
  const band = scoreBand(score);
  return band && t(`band.${band}`);
};

/** The selected topics, in selection order; group nodes and stale ids are left out. */
function selectedTopics(doc: MapDoc | null, selected: readonly string[]): Topic[] {
  if (!doc) return [];
  return selected.flatMap((id) => (isTopicIdOf(doc, id) ? [doc.topics[id] as Topic] : []));
}

function Shell({ children }: { readonly children: React.ReactNode }) {
  return (
    <aside className="inspector" aria-label={t('inspector.title')}>
      <h2 className="inspector__title">{t('inspector.title')}</h2>
      {children}
    </aside>
  );
}

/**
 * The inspector follows the selection a moment behind the canvas: the selection is
 * deferred, so Tab, Enter or a click shows its node on the map first and the inspector's form for
 * it renders right after, without holding up that frame. The map itself is not deferred: a field
 * edited here must show its new value at once (a deferred map made a clicked checkbox spring back
 * until the deferred render caught up).
 */
export function Inspector() {
  const selected = useDeferredValue(useUiStore((s) => s.selected));
  const doc = useDocumentStore((s) => s.doc);
  return <InspectorFor selected={selected} doc={doc} />;
}

const InspectorFor = memo(function InspectorFor({ selected, doc }: { readonly selected: readonly string[]; readonly doc: MapDoc | null }) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const [open, setOpen] = useState<Record<SectionName, boolean>>({ basics: true, ratings: true, action: true, details: false });
  const all = selectedTopics(doc, selected);
  if (!doc || all.length === 0) {
    const group = selected.some((id) => id.startsWith('group:'));
    return (
      <Shell>
        <p className="muted">{group ? t('inspector.groupHint') : t('inspector.nothing')}</p>
      </Shell>
    );
  }
  const root = all.find(isRoot);
  const topics = all.filter((topic) => !isRoot(topic));
  if (topics.length === 0 && root) {
    return (
      <Shell>
        <form className="inspector__form" onSubmit={(event) => event.preventDefault()}>
          <TextField label={t('inspector.label')} value={root.label} onCommit={(label) => runCommand((d) => renameTopic(d, root.id, label))} />
          <p className="muted">{t('inspector.rootHint')}</p>
        </form>
      </Shell>
    );
  }
  const section = (name: SectionName) => ({ open: open[name], onToggle: (value: boolean) => setOpen((s) => ({ ...s, [name]: value })) });
  return (
    <Shell>
      <form className="inspector__form" onSubmit={(event) => event.preventDefault()}>
        <TopicFieldsForm doc={doc} topics={topics} section={section} />
      </form>
    </Shell>
  );
});

function TopicFieldsForm({
  doc,
  topics,
  section,
}: {
  readonly doc: MapDoc;
  readonly topics: readonly Topic[];
  readonly section: (name: SectionName) => { open: boolean; onToggle: (open: boolean) => void };
}) {
  const ids = topics.map((topic) => topic.id);
  const single = topics.length === 1 ? topics[0] : undefined;
  const common = <T,>(read: (topic: Topic) => T) => commonValue(topics, read);
  const setAll = (patch: Partial<TopicFields>) => runCommand((d) => setTopicFields(d, ids, patch));
  const setAction = (part: ActionPart, value: string | undefined) => runCommand(setActionPart(ids, part, value));
  const allTouchpoints = topics.every((topic) => isTouchpoint(doc, topic.id));
  const { stages, segments, competitors, locale } = doc.map;

  const channel = common((topic) => topic.channel);
  const stage = common((topic) => topic.stageId);
  const kind = common((topic) => topic.kind);
  const importance = common((topic) => topic.importance);
  const score = common((topic) => topic.score);
  const reaction = common((topic) => topic.reaction);
  const attention = common((topic) => topic.attention);
  const lifespan = common((topic) => topic.lifespan);
  const owner = single ? touchpointOf(doc, single.id) : undefined;
  const hints = single ? hintsFor(single.label) : [];

  return (
    <>
      {single ? (
        <TextField label={t('inspector.label')} value={single.label} onCommit={(label) => runCommand((d) => renameTopic(d, single.id, label))} />
      ) : (
        <p className="inspector__count" role="status">
          {t('inspector.selectedCount', { count: topics.length })}
        </p>
      )}

      <Section title={t('inspector.section.basics')} {...section('basics')}>
        {allTouchpoints ? (
          <div className="field-row">
            <ChoiceField<Channel>
              label={t('inspector.channel')}
              value={channel.value}
              mixed={channel.mixed}
              emptyLabel={t('inspector.none')}
              options={[
                { value: 'online', label: t('channel.online') },
                { value: 'offline', label: t('channel.offline') },
              ]}
              onChange={(next) => runCommand((d) => moveToGroup(d, ids, { channel: next ?? null }))}
            />
            <ChoiceField<StageId>
              label={t('inspector.stage')}
              value={stage.value}
              mixed={stage.mixed}
              emptyLabel={t('inspector.none')}
              options={stages.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(next) => runCommand((d) => moveToGroup(d, ids, { stageId: next ?? null }))}
            />
          </div>
        ) : (
          <p className="muted">{single && owner ? t('inspector.detailOf', { label: owner.label }) : t('inspector.groupingMixed')}</p>
        )}
        <ChoiceField<Kind>
          label={t('inspector.kind')}
          value={kind.value}
          mixed={kind.mixed}
          emptyLabel={t('inspector.none')}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(next) => setAll({ kind: next })}
        />
        <MultiChoiceField
          label={t('inspector.segments')}
          options={segments.map((s) => ({ value: s.id, label: s.name }))}
          stateOf={(segmentId) => segmentState(topics, segmentId)}
          onToggle={(segmentId, on) => runCommand(toggleSegment(ids, segmentId, on))}
          empty={<SettingsHint text={t('inspector.noSegments')} focus="segments" />}
        />
        <TextField
          label={t('inspector.notes')}
          multiline
          {...text(common((topic) => topic.notes))}
          onCommit={(notes) => setAll({ notes: notes || undefined })}
        />
      </Section>

      <Section title={t('inspector.section.ratings')} {...section('ratings')}>
        {hints.length > 0 && <Hints hints={hints.map((hint) => hintText(hint, locale))} />}
        <RatingField label={t('inspector.importance')} min={1} max={10} value={importance.value} mixed={importance.mixed} onChange={(v) => setAll({ importance: v })} />
        <RatingField
          label={t('inspector.score')}
          min={0}
          max={10}
          value={score.value}
          mixed={score.mixed}
          onChange={(v) => setAll({ score: v })}
          bandOf={scoreBand}
          bandLabel={bandWord}
        />
        {competitors.length === 0 ? (
          <SettingsHint text={t('inspector.noCompetitors')} focus="competitors" />
        ) : (
          competitors.map((competitor) => {
            const rival = common((topic) => competitorScoreOf(topic, competitor.id));
            return (
              <RatingField
                key={competitor.id}
                label={t('inspector.competitorScoreOf', { name: competitor.name })}
                min={0}
                max={10}
                value={rival.value}
                mixed={rival.mixed}
                onChange={(v) => runCommand((d) => setCompetitorScore(d, ids, competitor.id, v))}
                bandOf={scoreBand}
                bandLabel={bandWord}
              />
            );
          })
        )}
        <SegmentedField<Reaction>
          label={t('inspector.reaction')}
          value={reaction.value}
          mixed={reaction.mixed}
          options={REACTIONS.map((r) => ({ value: r, label: t(`reaction.${r}`) }))}
          onChange={(next) => setAll({ reaction: next })}
        />
      </Section>

      <Section title={t('inspector.section.action')} {...section('action')}>
        <TextField label={t('inspector.action.what')} multiline {...text(common((topic) => topic.action?.what))} onCommit={(v) => setAction('what', v)} />
        <div className="field-row">
          <TextField label={t('inspector.action.owner')} {...text(common((topic) => topic.action?.owner))} onCommit={(v) => setAction('owner', v || undefined)} />
          <DateField label={t('inspector.action.due')} {...date(common((topic) => topic.action?.due))} onCommit={(v) => setAction('due', v)} />
        </div>
        <SegmentedField<ActionStatus>
          label={t('inspector.action.status')}
          {...choice(common((topic) => topic.action?.status))}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(next) => setAction('status', next)}
        />
      </Section>

      <Section title={t('inspector.section.details')} {...section('details')}>
        <div className="field-row">
          <SegmentedField<Attention>
            label={t('inspector.attention')}
            value={attention.value}
            mixed={attention.mixed}
            options={ATTENTION_SPANS.map((a) => ({ value: a, label: t(`attention.${a}`) }))}
            onChange={(next) => setAll({ attention: next })}
          />
          <SegmentedField<Lifespan>
            label={t('inspector.lifespan')}
            value={lifespan.value}
            mixed={lifespan.mixed}
            options={LIFESPANS.map((l) => ({ value: l, label: t(`lifespan.${l}`) }))}
            onChange={(next) => setAll({ lifespan: next })}
          />
        </div>
        <TextField label={t('inspector.team')} {...text(common((topic) => topic.team))} onCommit={(team) => setAll({ team: team || undefined })} />
        <TextField label={t('inspector.process')} {...text(common((topic) => topic.process))} onCommit={(process) => setAll({ process: process || undefined })} />
        <TextField label={t('inspector.outcome')} {...text(common((topic) => topic.outcome))} onCommit={(outcome) => setAll({ outcome: outcome || undefined })} />
        <TextField label={t('inspector.data')} multiline {...text(common((topic) => topic.data))} onCommit={(data) => setAll({ data: data || undefined })} />
      </Section>
    </>
  );
}

const text = ({ value, mixed }: { value: string | undefined; mixed: boolean }) => ({ value: value ?? '', mixed });
const date = ({ value, mixed }: { value: string | undefined; mixed: boolean }) => ({ value, mixed });
const choice = <T,>({ value, mixed }: { value: T | undefined; mixed: boolean }) => ({ value, mixed });

/** A short checklist of what to look at for this type of touchpoint (DOMAIN.md §7). */
function Hints({ hints }: { readonly hints: readonly { readonly title: string; readonly checks: readonly string[] }[] }) {
  return (
    <div className="hints" role="note" aria-label={t('inspector.hints')}>
      {hints.map((hint) => (
        <div key={hint.title} className="hints__group">
          <p className="hints__title">
            {t('inspector.hints')} · {hint.title}
          </p>
          <ul className="hints__list">
            {hint.checks.map((check) => (
              <li key={check}>{check}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** "No competitors yet" with the way to name some. */
function SettingsHint({ text: message, focus }: { readonly text: string; readonly focus: 'segments' | 'competitors' }) {
  return (
    <p className="muted inspector__empty">
      {message}{' '}
      <button type="button" className="link-button" onClick={() => openMapSettings(focus)}>
        {t('inspector.openSettings')}
      </button>
    </p>
  );
}
