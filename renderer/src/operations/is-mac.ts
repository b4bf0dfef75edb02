/** Cmd on macOS, Ctrl elsewhere: the one place the app decides which modifier a shortcut uses. */
export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
