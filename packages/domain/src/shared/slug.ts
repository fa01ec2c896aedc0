// Danish letters get their conventional ASCII spellings in URLs (Brønderslev → broenderslev).
const danishLetters: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", é: "e", ü: "u", ö: "oe", ä: "ae" };

/** A URL segment for a name: lower case, Danish letters spelt out, words joined by hyphens. */
export function slugify(name: string): string {
  const spelt = name
    .toLowerCase()
    .replace(/[æøåéüöä]/g, (letter) => danishLetters[letter] ?? letter)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = spelt.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || "raad";
}
