/** The live workshop room: its shared document, who may write what, identities, round tallies. */
export * from './room-doc';
export * from './room-rules';
export * from './participant-id';
export * from './aggregate';
export * from './publish-map';
export * from './room-revert';
