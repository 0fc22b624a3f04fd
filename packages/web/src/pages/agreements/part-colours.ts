/** The colours of the agreement's five parts (PRINC: del 1 grön … del 5 mörkblå) as CSS colours. */

const colours: Readonly<Record<string, string>> = {
  grön: '#2e7d32',
  ljusblå: '#7fc4e8',
  gul: '#f2c94c',
  röd: '#c62828',
  mörkblå: '#1a3a6b',
};

/** The CSS colour for a part colour name; grey when the name is unknown. */
export function partColour(name: string | undefined): string {
  return (name && colours[name]) ?? '#8a8a8a';
}
