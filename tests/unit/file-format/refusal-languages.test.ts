/**
 * A refused file is explained in the person's language once the message language is set (the
 * renderer sets it from the UI language, the command lines from --lang or the locale): the map's
 * and the touchpoint's names kept, the sentence and what to do translated, the technical details
 * left in English for whoever fixes the file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { setMessageLanguage } from '@shared/i18n/message-language';
import { readImportFile } from '@shared/import';
import { MAX_FILE_BYTES } from '@shared/limits';
import { planPages } from '@shared/model/page-layout';
import { addStage } from '@shared/model/commands/stages';
import { renameTopic } from '@shared/model/commands/topics';
import { CommandError } from '@shared/model/errors';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const refusedDir = fileURLToPath(new URL('../../fixtures/files/refused/', import.meta.url));
const refusal = (file: string) => {
  const result = parseTouchmapFile(readFileSync(`${refusedDir}${file}.touchmap`, 'utf8'));
  if (result.ok) throw new Error(`${file} was accepted`);
  return result;
};

afterEach(() => setMessageLanguage('en'));

describe('a score of 14', () => {
  const details = 'maps[0].topics[12].score: 14 is not 0–10';
  it.each([
    ['ru', 'Карта «Clinic — new patients»: точка контакта «Extra touchpoint 8» — наша оценка 14, а оценки бывают от 0 до 10. Исправьте его в текстовом редакторе'],
    ['ko', '맵 “Clinic — new patients”, 접점 “Extra touchpoint 8”: 우리 점수가 14입니다. 점수는 0–10입니다. 텍스트 편집기에서 고치거나'],
    ['ja', 'マップ「Clinic — new patients」のタッチポイント「Extra touchpoint 8」：自社スコアが 14 です。スコアは 0〜10 です。テキストエディタで修正するか'],
  ] as const)('reads in %s, with the details in English', (language, start) => {
    setMessageLanguage(language);
    const refused = refusal('score-out-of-range');
    expect(refused.error.startsWith(start)).toBe(true);
    expect(refused.details).toBe(details);
  });

  it('reads in English by default', () => {
    expect(refusal('score-out-of-range').error).toMatch(/^Map "Clinic — new patients": touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10\. Fix it/);
  });
});

describe('the file as a whole', () => {
  it('a file too large names its size and the limit in Russian, with a Russian decimal comma', () => {
    setMessageLanguage('ru');
    const result = parseTouchmapFile('{}', { sizeBytes: MAX_FILE_BYTES + 1024 * 1024 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('Размер файла — 51,0 МБ, а Touchmap импортирует файлы до 50 МБ. Проверьте, тот ли это файл: карта на 2000 точек контакта занимает около 2 МБ.');
  });

  it('a file from a newer Touchmap says to update, in Korean and Japanese', () => {
    setMessageLanguage('ko');
    expect(refusal('newer-version').error).toMatch(/^이 파일은 더 새로운 Touchmap으로 만들어졌습니다\(파일 버전 \d+\)\. .*열려면 Touchmap을 업데이트하세요\.$/);
    setMessageLanguage('ja');
    expect(refusal('newer-version').error).toMatch(/^このファイルは新しい Touchmap で作成されています（ファイルバージョン \d+）。.*開くには Touchmap をアップデートしてください。$/);
  });

  it('a PDF chosen by mistake is named as one, in Japanese', () => {
    setMessageLanguage('ja');
    const result = parseTouchmapFile('%PDF-1.7\n…');
    expect(!result.ok && result.error).toBe('Touchmap のマップではありません。このファイルはPDF 文書のようです。代わりに .touchmap ファイルを選んでください。Touchmap はマップのデータのエクスポートや「すべてのマップをバックアップ」でこのファイルを保存します。');
  });
});

describe('a map past a limit', () => {
  const tooManyStages = () => {
    const file = JSON.parse(serializeTouchmapFile([mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Site').build()], '2026-12-06T00:00:00.000Z'));
    file.maps[0].stages = Array.from({ length: 201 }, (_, i) => ({ id: `s-${i}`, name: `Stage ${i}` }));
    return JSON.stringify(file);
  };
  it('names the map, the count and the limit in Russian', () => {
    setMessageLanguage('ru');
    const result = parseTouchmapFile(tooManyStages());
    expect(!result.ok && result.error).toBe('Карта «Clinic»: число этапов — 201; в карте может быть не больше 200 этапов. Исправьте его в текстовом редакторе или снова экспортируйте карту из того Touchmap, где она создана.');
    expect(!result.ok && result.details).toBe('maps[0].stages: 201 is over the limit of 200 (MAX_STAGES)');
  });
});

describe('an import', () => {
  /** A zip whose directory says its entry unpacks to `declared` bytes. */
  function lyingZip(name: string, declared: number): Uint8Array {
    const zip = zipSync({ [name]: strToU8('[]') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, declared, true);
        break;
      }
    }
    return zip;
  }
  const problem = (bytes: Uint8Array, name: string) => {
    const result = readImportFile(bytes, name);
    return result.ok ? 'accepted' : result.problem;
  };

  it.each([
    ['en', 'Its contents would unpack to more than 200 MB (a “zip bomb”), so it is refused without unpacking.'],
    ['ru', 'При распаковке его содержимое заняло бы больше 200 МБ («ZIP-бомба»), поэтому он отклонён без распаковки.'],
    ['ko', '압축을 풀면 200MB를 넘게 되므로(“zip 폭탄”) 압축을 풀지 않고 거부했습니다.'],
    ['ja', '展開すると 200 MB を超えるため（「zip 爆弾」）、展開せずに拒否しました。'],
  ] as const)('refuses a zip bomb in %s', (language, sentence) => {
    setMessageLanguage(language);
    expect(problem(lyingZip('content.json', 0xfffffff0), 'bomb.xmind')).toBe(sentence);
  });

  it('names a misnamed file and its real kind in Korean', () => {
    setMessageLanguage('ko');
    expect(problem(strToU8('<opml version="2.0"><body/></opml>'), 'plan.xmind')).toBe('이름은 .xmind(으)로 끝나지만 내용은 XML 텍스트이며 XMind 맵이(가) 아닙니다. OPML 개요(으)로 보이니 이름을 .opml(으)로 끝나게 바꾸세요.');
  });
});

describe('the PDF page plan’s notice', () => {
  it('says in Japanese that a map squeezed onto one page prints small, and what to do', () => {
    setMessageLanguage('ja');
    const plan = planPages({ paper: 'a4', landscape: false, marginIn: 0.5, content: { width: 2000, height: 1000 }, mode: 'fit' });
    expect(plan.notice).toBe('1 ページに収めるため、マップを 35% で印刷します。小さな名前は読みにくいかもしれません。ポスターにすると複数ページに大きく印刷できます。');
  });
});

describe('a refused edit', () => {
  const full = () => mapDoc('Clinic', { stages: Array.from({ length: 200 }, (_, i) => `Stage ${i + 1}`) }).build();
  it('a map with the most stages refuses one more, in Korean; the field stays as the code names it', () => {
    setMessageLanguage('ko');
    expect(() => addStage(full(), { id: asId.stage('s-new'), name: 'One more' })).toThrow(new CommandError('stages', '맵의 단계 수(200개)가 이미 최대입니다. 맵 하나에는 단계 200개까지 담을 수 있습니다'));
  });
  it('a label past its limit is refused in Russian, with Russian digits', () => {
    setMessageLanguage('ru');
    const doc = mapDoc('Clinic').touchpoint('Site').build();
    const site = Object.values(doc.topics).find((t) => t.label === 'Site')!;
    expect(() => renameTopic(doc, site.id, 'x'.repeat(10_001))).toThrow(new CommandError('label', 'длина — 10\u00a0001 симв., а можно не больше 10\u00a0000'));
  });
});

describe('a value that is not one of a list', () => {
  it('says which values are allowed in Japanese, the values as the file writes them', () => {
    setMessageLanguage('ja');
    expect(refusal('channel-unknown').error).toMatch(/^マップ「Clinic — new patients」のタッチポイント「Context ad」：チャネルが "web" ですが、online, offline のいずれかではありません。/);
  });
});
