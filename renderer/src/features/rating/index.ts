/** What other parts of the app use of the rating round: its host, and starting it on the open map. */
export { RatingRoundHost, leaveRound } from './RatingRound';
export { useRatingStore } from './rating-store';
export { startRatingRound } from './start-round';
