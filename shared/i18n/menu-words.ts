/**
 * The native menu's own words — its titles and the shell's items that are not operations (the
 * operations' names are the message table's `operation.*` keys, operation-labels.ts). In every UI
 * language, so the menu speaks the language the person chose in App settings.
 */
import type { Locale } from '../model/types';

export interface MenuWords {
  readonly file: string;
  readonly edit: string;
  readonly view: string;
  readonly help: string;
  /** The live workshop room's menu. */
  readonly workshop: string;
  readonly export: string;
  readonly recentMaps: string;
  readonly noRecentMaps: string;
  readonly untitledMap: string;
  readonly closeWindow: string;
  readonly quit: string;
  readonly quitApp: string;
  readonly fullScreen: string;
  readonly developerTools: string;
}

export const MENU_WORDS: Readonly<Record<Locale, MenuWords>> = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    workshop: 'Workshop',
    export: 'Export',
    recentMaps: 'Recent maps',
    noRecentMaps: 'No recent maps',
    untitledMap: 'Untitled map',
    closeWindow: 'Close window',
    quit: 'Quit',
    quitApp: 'Quit Touchmap',
    fullScreen: 'Full screen',
    developerTools: 'Developer tools',
  },
  ru: {
    file: 'Файл',
    edit: 'Правка',
    view: 'Вид',
    help: 'Справка',
    workshop: 'Воркшоп',
    export: 'Экспорт',
    recentMaps: 'Недавние карты',
    noRecentMaps: 'Недавних карт нет',
    untitledMap: 'Карта без названия',
    closeWindow: 'Закрыть окно',
    quit: 'Выход',
    quitApp: 'Завершить Touchmap',
    fullScreen: 'Во весь экран',
    developerTools: 'Инструменты разработчика',
  },
  ko: {
    file: '파일',
    edit: '편집',
    view: '보기',
    help: '도움말',
    workshop: '워크숍',
    export: '내보내기',
    recentMaps: '최근 맵',
    noRecentMaps: '최근 맵 없음',
    untitledMap: '제목 없는 맵',
    closeWindow: '창 닫기',
    quit: '종료',
    quitApp: 'Touchmap 종료',
    fullScreen: '전체 화면',
    developerTools: '개발자 도구',
  },
  ja: {
    file: 'ファイル',
    edit: '編集',
    view: '表示',
    help: 'ヘルプ',
    workshop: 'ワークショップ',
    export: 'エクスポート',
    recentMaps: '最近使ったマップ',
    noRecentMaps: '最近使ったマップはありません',
    untitledMap: '無題のマップ',
    closeWindow: 'ウインドウを閉じる',
    quit: '終了',
    quitApp: 'Touchmap を終了',
    fullScreen: 'フルスクリーン',
    developerTools: '開発者ツール',
  },
};
