/** What other parts of the app use of the outline: nothing yet (its keys' Help rows are in shared/operations.ts). */
export {};
