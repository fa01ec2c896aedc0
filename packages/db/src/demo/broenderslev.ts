/**
 * Brønderslev Handicapråd's meeting of 3 December 2019, with the supplementary agenda item on the
 * North Jutland social agreement 2021–2022 (facts from the council's public minutes; text rewritten).
 */
import type { DemoAttachment, ItemText } from "./content.ts";

export const historicMeeting = {
  date: "2019-12-03",
  time: "14:00",
  endTime: "16:00",
  location: "Mødelokale 272, Brønderslev Rådhus",
  agendaPublished: { date: "2019-11-26", time: "09:00" },
  /** the supplementary agenda (tillægsdagsorden) was added the next day */
  supplementaryAdded: { date: "2019-11-27", time: "10:30" },
  itemsCreated: { date: "2019-11-19", time: "13:00" },
  minutesPublished: { date: "2019-12-12", time: "10:00" },
  responsibleEditor: "Bente Nygaard Højer",
} as const;

export const nordjyskSocialaftaleTitle = "Input til Nordjysk Socialaftale 2021-2022";

export const nordjyskSocialaftaleHearing = {
  title: nordjyskSocialaftaleTitle,
  plainSummary:
    "Kommunerne i Nordjylland laver sammen en aftale om tilbud til borgere med handicap og psykiske vanskeligheder. Handicaprådet er spurgt, hvad aftalen skal handle om.",
  description:
    "Den Administrative Styregruppe på socialområdet har foreslået en vision om egenmestring og tre fokusområder for den næste aftale: den gode alderdom for borgere med et handicap, flere borgere med behov for hjælp i socialpsykiatrien, og hvordan de bedste og billigste tilbud i Nordjylland udvikles. Kommunerne skal sende kommentarer inden 20. januar 2020. En politisk visionsdag 3. februar 2020 fastlægger retningen, og aftalen behandles i KKR og udvalgene i sommeren 2020.",
  requestingBody: "Sekretariatet for Nordjysk Socialaftale",
  receivedOn: "2019-11-18",
  deadline: { date: "2020-01-20", time: "12:00" },
  response: {
    body: `Handicaprådet i Brønderslev Kommune bakker op om, at visionen fortsat handler om borgerens egenmestring. Det er et langsigtet arbejde, og rådet ser ingen grund til at skifte retning nu.

Om den gode alderdom: Flere borgere med handicap bliver ældre, og deres behov ændrer sig. Rådet ønsker, at de kan blive boende i kendte rammer, og at personalet på botilbud og i ældreplejen lærer af hinanden.

Om socialpsykiatrien: Rådet opfordrer til fælles nordjyske tilbud om hurtig hjælp uden lang ventetid og til et tæt samarbejde med regionspsykiatrien ved udskrivning.

Om de bedste og billigste tilbud: Rådet advarer mod, at pris alene bliver styrende. Kvalitet måles bedst ved, om borgeren kommer nærmere sine egne mål.

Rådet tager gerne imod invitationen til visionsdagen den 3. februar 2020.`,
    approved: { date: "2019-12-10", time: "12:00" },
    submitted: { date: "2020-01-14", time: "09:30" },
  },
  attachment: {
    fileName: "nordjysk-socialaftale-2021-2022-spoergsmaal.pdf",
    title: "Nordjysk Socialaftale 2021-2022 - spørgsmål til drøftelse",
    lines: [
      "Vision: egenmestring for borgerne.",
      "Fokusområde 1: Den gode alderdom for borgere med et handicap.",
      "Fokusområde 2: Flere borgere med behov for hjælp i socialpsykiatrien.",
      "Fokusområde 3: Hvordan udvikles de bedste og billigste tilbud i Nordjylland?",
      "Kommentarer senest 20. januar 2020.",
    ],
  } satisfies DemoAttachment,
};

export const nordjyskSocialaftaleItem: ItemText = {
  title: nordjyskSocialaftaleTitle,
  plainSummary:
    "De nordjyske kommuner laver en ny fælles aftale om de specialiserede sociale tilbud. Rådet drøfter, hvad aftalen skal lægge vægt på.",
  summary:
    "Nordjysk Socialaftale er den politiske aftale om kommunernes samarbejde på det specialiserede socialområde. Den gældende aftale udløber med 2020, og den administrative styregruppe ønsker kommunernes drøftelse af fokusområderne for 2021-2022. Sagen sendes til Handicaprådet til drøftelse.",
  caseHistory: "HAR/SS",
  casePresentation: `Den Administrative Styregruppe på socialområdet har peget på en vision og tre fokusområder for den kommende aftale og vil gerne vide, om de giver mening lokalt. Derfor drøftes de i kommunernes råd og udvalg.

Visionen handler om egenmestring: at borgeren så vidt muligt kan leve et selvstændigt liv, støttet af en dialog mellem myndighed, tilbud, borgeren selv og borgerens netværk. Styregruppen ønsker at holde fast i visionen, fordi den kræver en indsats over flere år, og fordi tilgangen til det specialiserede område fortsat stiger.

De tre fokusområder er:
• Fokusområde 1: Den gode alderdom for borgere med et handicap
• Fokusområde 2: Flere borgere med behov for hjælp i socialpsykiatrien
• Fokusområde 3: Hvordan udvikles de bedste og billigste tilbud i Nordjylland?

Sekretariatet har sendt spørgsmål, som rådet kan tage udgangspunkt i: Hvad skal kommunerne løse sammen, og hvad klarer den enkelte kommune selv? Hvilken politisk retning ønskes for hvert fokusområde? Er der forslag til fælles initiativer, eller særlige hensyn, der skal tages?

Kommentarerne skal være sekretariatet i hænde senest 20. januar 2020. En politisk visionsdag 3. februar 2020 fastlægger retningen, og rådet er inviteret. Aftalen behandles derefter i KKR, Kontaktudvalget og de politiske udvalg i sommeren 2020.`,
  recommendation:
    "Fagforvaltningen for Sundhed og Velfærd indstiller, at Handicaprådet drøfter vision og fokusområder for Nordjysk Socialaftale 2021-2022.",
  guests: "Direktør Henrik Aarup-Kristensen deltager under dette punkt.",
  decision:
    "Handicaprådet drøftede vision og fokusområder og bakker op om fortsat fokus på egenmestring. Rådet lagde særlig vægt på den gode alderdom og på, at pris ikke alene må styre udviklingen af tilbud. Formand og næstformand udarbejder rådets kommentarer på baggrund af drøftelsen. Rådet deltager i visionsdagen 3. februar 2020.",
};

/** The ordinary items of the meeting (the agenda published 26 November). */
export const historicOrdinaryItems: readonly ItemText[] = [
  {
    title: "Godkendelse af dagsorden",
    summary: "Rådet godkender dagsordenen og tillægsdagsordenen.",
    casePresentation:
      "Dagsordenen blev udsendt 26. november 2019. Tillægsdagsordenen med ét punkt blev udsendt dagen efter.",
    recommendation: "Formanden indstiller, at dagsorden og tillægsdagsorden godkendes.",
    decision: "Godkendt.",
  },
  {
    title: "Budget 2020 – konsekvenser for handicapområdet",
    summary: "Orientering om det vedtagne budget 2020 og de dele, der berører borgere med handicap.",
    caseHistory: "HAR/ØK",
    casePresentation: `Byrådet vedtog budget 2020 i oktober. På handicapområdet er der afsat midler til flere borgere i botilbud og til kompetenceudvikling af medarbejdere på de specialiserede tilbud.

Forvaltningen gennemgår på mødet de ændringer, rådet kommenterede i sit høringssvar til budgetforslaget.`,
    recommendation:
      "Fagforvaltningen for Sundhed og Velfærd indstiller, at orienteringen tages til efterretning.",
    decision: "Orienteringen blev taget til efterretning.",
  },
  {
    title: "Handicappolitikken – status på handleplanen for 2019",
    summary: "Status på årets handlinger i handleplanen til kommunens handicappolitik.",
    caseHistory: "HAR/SS",
    casePresentation: `Handleplanen for 2019 indeholdt ti handlinger. Syv er gennemført, blandt andet en gennemgang af tilgængeligheden på biblioteket og et kursus for ansatte i borgerservice i at møde borgere med kognitive vanskeligheder.

Tre handlinger overføres til 2020: ledelinjer ved busterminalen, information på let dansk om hjælpemidler og en temadag for foreninger om inklusion.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet drøfter status og overførslen til 2020.",
    decision:
      "Rådet godkendte overførslen og ønsker ledelinjerne ved busterminalen prioriteret først i 2020.",
  },
  {
    title: "Eventuelt",
    summary: "Punkter, som medlemmerne ønsker at nævne.",
    casePresentation: "Under eventuelt kan der ikke træffes beslutninger.",
    recommendation: "Intet.",
    decision: "Formanden takkede for samarbejdet i 2019.",
  },
];
