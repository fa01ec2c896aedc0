/**
 * The demo municipalities. Names of council members are invented (first and last names combined
 * deterministically); the only real people are the Brønderslev officials named in its public minutes.
 */

export type OrganisationSeat = { organisation: string; seat: "dh" | "local_organisation" };

export type MunicipalitySpec = {
  slug: string;
  name: string;
  /** Danmarks Statistik's four-digit code */
  code: string;
  website: string;
  town: string;
  raadhus: string;
  venue: string;
  meetingTime: string;
  forvaltning: string;
  /** the council secretary, also the minutes' responsible editor */
  secretary: string;
  socialaftale: string;
  socialaftaleSekretariat: string;
  /** organisation seats of the Handicapråd (5 by default; Viborg has 6 to make the composition check visible) */
  organisations: readonly OrganisationSeat[];
  /** members of the municipal side: politicians, then officials */
  politicians: number;
  officials: number;
  /** organisation members without a personal substitute (by index) */
  withoutSubstitute?: readonly number[];
  seniorCouncil?: boolean;
  taskCommittee?: { slug: string; name: string; purpose: string };
  /** one past Handicapråd meeting was cancelled */
  cancelledMeeting?: boolean;
  /** a hearing whose deadline passed two days ago without a response */
  overdueHearing?: boolean;
  /** one hearing is not public */
  internalHearing?: boolean;
};

const NORD = {
  socialaftale: "Nordjysk Socialaftale",
  socialaftaleSekretariat: "Sekretariatet for Nordjysk Socialaftale",
};
const MIDT = {
  socialaftale: "Rammeaftale for det specialiserede socialområde i Midtjylland",
  socialaftaleSekretariat: "KKR Midtjylland, Rammeaftalesekretariatet",
};
const SYD = {
  socialaftale: "Rammeaftale for det specialiserede socialområde i Syddanmark",
  socialaftaleSekretariat: "KKR Syddanmark, Rammeaftalesekretariatet",
};
const HOVEDSTADEN = {
  socialaftale: "Rammeaftale for det specialiserede socialområde i Hovedstaden",
  socialaftaleSekretariat: "KKR Hovedstaden, Rammeaftalesekretariatet",
};

export const municipalitySpecs: readonly MunicipalitySpec[] = [
  {
    slug: "broenderslev",
    name: "Brønderslev Kommune",
    code: "0810",
    website: "https://www.broenderslev.dk",
    town: "Brønderslev",
    raadhus: "Brønderslev Rådhus",
    venue: "Mødelokale 272, Brønderslev Rådhus",
    meetingTime: "14:00",
    forvaltning: "Fagforvaltningen for Sundhed og Velfærd",
    secretary: "Bente Nygaard Højer",
    ...NORD,
    organisations: [
      { organisation: "Dansk Blindesamfund, Nordjylland", seat: "dh" },
      { organisation: "Landsforeningen Autisme, Nordjylland", seat: "dh" },
      { organisation: "LEV Brønderslev", seat: "dh" },
      { organisation: "Scleroseforeningen, Vendsyssel", seat: "dh" },
      { organisation: "SIND Brønderslev", seat: "dh" },
    ],
    politicians: 3,
    officials: 2,
    seniorCouncil: true,
    internalHearing: true,
  },
  {
    slug: "randers",
    name: "Randers Kommune",
    code: "0730",
    website: "https://www.randers.dk",
    town: "Randers",
    raadhus: "Randers Rådhus",
    venue: "Mødelokale 1, Randers Rådhus",
    meetingTime: "15:30",
    forvaltning: "Social- og Arbejdsmarkedsforvaltningen",
    secretary: "Mette Brogaard Lind",
    ...MIDT,
    organisations: [
      { organisation: "Dansk Handicap Forbund, Randers", seat: "dh" },
      { organisation: "LEV Randers", seat: "dh" },
      { organisation: "Danske Døves Landsforbund, Østjylland", seat: "dh" },
      { organisation: "Hjerneskadeforeningen, Randers", seat: "dh" },
      { organisation: "Randers Handicapidræt", seat: "local_organisation" },
    ],
    politicians: 3,
    officials: 2,
    seniorCouncil: true,
    overdueHearing: true,
  },
  {
    slug: "viborg",
    name: "Viborg Kommune",
    code: "0791",
    website: "https://viborg.dk",
    town: "Viborg",
    raadhus: "Viborg Rådhus",
    venue: "Mødelokale A2, Viborg Rådhus",
    meetingTime: "16:00",
    forvaltning: "Job & Velfærd",
    secretary: "Anne Marie Kjærsgaard",
    ...MIDT,
    // Deliberately unbalanced: 6 organisation seats but 5 municipal seats, and one member without a substitute.
    organisations: [
      { organisation: "Dansk Blindesamfund, Viborg", seat: "dh" },
      { organisation: "Landsforeningen Autisme, Midtjylland", seat: "dh" },
      { organisation: "LEV Viborg", seat: "dh" },
      { organisation: "Parkinsonforeningen, Viborg", seat: "dh" },
      { organisation: "Dansk Handicap Forbund, Viborg", seat: "dh" },
      { organisation: "Spastikerforeningen, Midtjylland", seat: "dh" },
    ],
    politicians: 3,
    officials: 2,
    withoutSubstitute: [5],
    seniorCouncil: true,
  },
  {
    slug: "favrskov",
    name: "Favrskov Kommune",
    code: "0710",
    website: "https://www.favrskov.dk",
    town: "Hinnerup",
    raadhus: "Favrskov Rådhus",
    venue: "Mødelokale 3, Favrskov Rådhus, Hinnerup",
    meetingTime: "16:00",
    forvaltning: "Social og Sundhed",
    secretary: "Jakob Rindom Sørensen",
    ...MIDT,
    organisations: [
      { organisation: "LEV Favrskov", seat: "dh" },
      { organisation: "ADHD-foreningen, Østjylland", seat: "dh" },
      { organisation: "Dansk Blindesamfund, Østjylland", seat: "dh" },
      { organisation: "Høreforeningen, Favrskov", seat: "dh" },
      { organisation: "Scleroseforeningen, Østjylland", seat: "dh" },
    ],
    politicians: 3,
    officials: 2,
    cancelledMeeting: true,
  },
  {
    slug: "skanderborg",
    name: "Skanderborg Kommune",
    code: "0746",
    website: "https://www.skanderborg.dk",
    town: "Skanderborg",
    raadhus: "Skanderborg Rådhus",
    venue: "Mødelokale Lillesø, Skanderborg Rådhus",
    meetingTime: "15:30",
    forvaltning: "Fagområdet for Social og Sundhed",
    secretary: "Louise Damgaard Holm",
    ...MIDT,
    organisations: [
      { organisation: "Dansk Handicap Forbund, Skanderborg", seat: "dh" },
      { organisation: "Landsforeningen Autisme, Østjylland", seat: "dh" },
      { organisation: "LEV Skanderborg", seat: "dh" },
      { organisation: "Epilepsiforeningen, Østjylland", seat: "dh" },
      { organisation: "Skanderborg Pårørendeforening", seat: "local_organisation" },
    ],
    politicians: 3,
    officials: 2,
    taskCommittee: {
      slug: "opgaveudvalg-faellesskaber-for-alle",
      name: "Opgaveudvalget Fællesskaber for alle",
      purpose:
        "Et midlertidigt opgaveudvalg, hvor borgere sidder side om side med byrådsmedlemmer og i en kort, intensiv periode udvikler forslag til, hvordan børn og unge med handicap får plads i fritidslivets fællesskaber.",
    },
  },
  {
    slug: "odense",
    name: "Odense Kommune",
    code: "0461",
    website: "https://www.odense.dk",
    town: "Odense",
    raadhus: "Odense Rådhus",
    venue: "Udvalgsværelse 1, Odense Rådhus",
    meetingTime: "15:30",
    forvaltning: "Ældre- og Handicapforvaltningen",
    secretary: "Camilla Fogh Rasmussen",
    ...SYD,
    organisations: [
      { organisation: "Dansk Handicap Forbund, Odense", seat: "dh" },
      { organisation: "Danske Døves Landsforbund, Fyn", seat: "dh" },
      { organisation: "LEV Odense", seat: "dh" },
      { organisation: "Landsforeningen Autisme, Fyn", seat: "dh" },
      { organisation: "Psykiatrifonden Fyn", seat: "local_organisation" },
    ],
    politicians: 3,
    officials: 2,
    seniorCouncil: true,
    overdueHearing: true,
  },
  {
    slug: "silkeborg",
    name: "Silkeborg Kommune",
    code: "0740",
    website: "https://silkeborg.dk",
    town: "Silkeborg",
    raadhus: "Silkeborg Rådhus",
    venue: "Mødelokale 1.14, Silkeborg Rådhus",
    meetingTime: "14:00",
    forvaltning: "Social og Beskæftigelse",
    secretary: "Helle Bøgh Mortensen",
    ...MIDT,
    organisations: [
      { organisation: "Dansk Blindesamfund, Silkeborg", seat: "dh" },
      { organisation: "Hjerneskadeforeningen, Silkeborg", seat: "dh" },
      { organisation: "LEV Silkeborg", seat: "dh" },
      { organisation: "SIND Silkeborg", seat: "dh" },
      { organisation: "Scleroseforeningen, Midtjylland", seat: "dh" },
    ],
    politicians: 3,
    officials: 2,
    seniorCouncil: true,
    internalHearing: true,
  },
  {
    slug: "vallensbaek",
    name: "Vallensbæk Kommune",
    code: "0187",
    website: "https://www.vallensbaek.dk",
    town: "Vallensbæk",
    raadhus: "Vallensbæk Rådhus",
    venue: "Mødelokale 2, Vallensbæk Rådhus",
    meetingTime: "16:00",
    forvaltning: "Social- og Sundhedsforvaltningen",
    secretary: "Rasmus Kolding Berg",
    ...HOVEDSTADEN,
    organisations: [
      { organisation: "Dansk Handicap Forbund, Vestegnen", seat: "dh" },
      { organisation: "LEV Vallensbæk-Ishøj", seat: "dh" },
      { organisation: "ADHD-foreningen, Hovedstaden", seat: "dh" },
      { organisation: "Høreforeningen, Vestegnen", seat: "dh" },
      { organisation: "Diabetesforeningen, Vallensbæk", seat: "dh" },
    ],
    politicians: 3,
    officials: 2,
  },
  {
    slug: "gribskov",
    name: "Gribskov Kommune",
    code: "0270",
    website: "https://www.gribskov.dk",
    town: "Helsinge",
    raadhus: "Gribskov Rådhus",
    venue: "Mødelokale Esrum, Gribskov Rådhus, Helsinge",
    meetingTime: "14:00",
    forvaltning: "Center for Social og Sundhed",
    secretary: "Trine Vestergaard Nøhr",
    ...HOVEDSTADEN,
    organisations: [
      { organisation: "Dansk Blindesamfund, Nordsjælland", seat: "dh" },
      { organisation: "Landsforeningen Autisme, Nordsjælland", seat: "dh" },
      { organisation: "LEV Gribskov", seat: "dh" },
      { organisation: "Gigtforeningen, Gribskov", seat: "dh" },
      { organisation: "Gribskov Frivilligcenter", seat: "local_organisation" },
    ],
    politicians: 3,
    officials: 2,
    seniorCouncil: true,
    overdueHearing: true,
  },
];

const FIRST_NAMES = [
  "Anne",
  "Jens",
  "Mette",
  "Søren",
  "Lone",
  "Henrik",
  "Kirsten",
  "Lars",
  "Hanne",
  "Peter",
  "Birgit",
  "Niels",
  "Susanne",
  "Ole",
  "Tina",
  "Morten",
  "Karina",
  "Thomas",
  "Lene",
  "Jørgen",
  "Pia",
  "Martin",
  "Dorthe",
  "Michael",
  "Inge",
  "Rasmus",
  "Gitte",
  "Poul",
  "Rikke",
  "Kim",
  "Helle",
  "Bjarne",
  "Maja",
  "Claus",
  "Signe",
  "Erik",
  "Lisbeth",
  "Anders",
  "Jytte",
  "Kasper",
  "Winnie",
];

const LAST_NAMES = [
  "Kristensen",
  "Mikkelsen",
  "Thomsen",
  "Søgaard",
  "Bach",
  "Lauridsen",
  "Dalsgaard",
  "Frandsen",
  "Holm",
  "Iversen",
  "Juhl",
  "Kjeldsen",
  "Lund",
  "Munk",
  "Nørgaard",
  "Overgaard",
  "Pallesen",
  "Riis",
  "Skov",
  "Tang",
  "Vinther",
  "Winther",
  "Østergaard",
  "Aagaard",
  "Bisgaard",
  "Carstensen",
  "Damsgaard",
  "Ebbesen",
  "Friis",
  "Gregersen",
  "Hedegaard",
];

/** An invented Danish name: distinct for k = 0 … 40 within one municipality. */
export function inventedName(municipalityIndex: number, k: number): string {
  const first = FIRST_NAMES[(k + municipalityIndex * 5) % FIRST_NAMES.length] ?? "Anne";
  const last = LAST_NAMES[(k * 7 + municipalityIndex * 3) % LAST_NAMES.length] ?? "Holm";
  return `${first} ${last}`;
}
