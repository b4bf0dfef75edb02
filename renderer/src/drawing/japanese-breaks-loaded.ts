/**
 * Import this module to finish loading only once BudouX's Japanese model is here: the exports
 * import it, so a file exported from a map never opened on the canvas (the headless export, a
 * map shown as a grid) breaks Japanese between the same phrases as the canvas does. Only modules
 * that are themselves loaded on demand may import it — it waits on a network fetch.
 */
import { loadJapaneseBreaks } from './line-breaks';

await loadJapaneseBreaks();
