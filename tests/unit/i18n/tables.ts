/** Every language's table, as the checks compare them (the app itself fetches ru/ko/ja on demand). */
import type { Locale } from '../../../shared/model/types';
import { en } from '../../../renderer/src/i18n/en';
import { ru } from '../../../renderer/src/i18n/ru';
import { ko } from '../../../renderer/src/i18n/ko';
import { ja } from '../../../renderer/src/i18n/ja';

export const TABLES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en, ru, ko, ja };
