/** The live workshop room, the facilitator's side: the panel, and how to open it. */
export { RoomPanelHost } from './RoomPanelHost';
export { openRoomPanel, useRoomStore } from './room-store';
