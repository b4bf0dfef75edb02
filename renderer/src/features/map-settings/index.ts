/** What other parts of the app use of map settings (stages, segments, competitors): the dialog and how to open it. */
export { MapSettingsHost } from './MapSettingsDialog';
export { openMapSettings } from './map-settings-store';
