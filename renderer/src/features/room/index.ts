/** The live workshop room, the facilitator's side: the panel, and how to open it. */
export { RoomPanelHost } from './RoomPanel';
export { openRoomPanel, useRoomStore } from './room-store';
