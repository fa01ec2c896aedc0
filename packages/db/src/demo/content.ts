/**
 * Agenda items and hearings shared by the demo municipalities. Written for the demo (subjects and
 * facts from the reference material, no copied prose). Each text takes the municipality's context.
 */

export type Ctx = {
  /** "Randers Kommune" */
  kommune: string;
  /** "Randers" */
  town: string;
  /** the Copenhagen calendar year of `now` */
  year: number;
  /** "Social- og Sundhedsforvaltningen" */
  forvaltning: string;
  /** the regional framework agreement on the specialised social area */
  socialaftale: string;
  /** who coordinates it */
  socialaftaleSekretariat: string;
  /** the town hall, for accessibility items */
  raadhus: string;
};

export type DemoAttachment = { fileName: string; title: string; lines: readonly string[] };

export type ItemText = {
  title: string;
  plainSummary?: string;
  summary: string;
  caseHistory?: string;
  casePresentation: string;
  recommendation: string;
  decision: string;
  guests?: string;
  attachment?: DemoAttachment;
};

export type Subject = (ctx: Ctx) => ItemText;

export const approveAgenda: Subject = () => ({
  title: "Godkendelse af dagsorden",
  summary: "Rådet godkender dagsordenen for mødet.",
  casePresentation:
    "Dagsordenen er udsendt til rådets medlemmer og stedfortrædere og offentliggjort på kommunens hjemmeside.",
  recommendation: "Formanden indstiller, at dagsordenen godkendes.",
  decision: "Godkendt.",
});

export const announcements: Subject = (ctx) => ({
  title: "Meddelelser fra formand, medlemmer og forvaltning",
  summary: "Gensidig orientering om aktuelle sager siden sidste møde.",
  casePresentation: `Formanden orienterer om henvendelser til rådet siden sidste møde. Medlemmerne orienterer kort fra deres organisationer, og ${ctx.forvaltning} orienterer om sager, der er på vej til politisk behandling.`,
  recommendation: "Det indstilles, at orienteringen tages til efterretning.",
  decision:
    "Orienteringen blev taget til efterretning. Forvaltningen sender oversigten over kommende politiske sager med referatet.",
});

export const other: Subject = () => ({
  title: "Eventuelt",
  summary: "Punkter, som medlemmerne ønsker at nævne.",
  casePresentation: "Under eventuelt kan der ikke træffes beslutninger.",
  recommendation: "Intet.",
  decision: "Intet at bemærke.",
});

/** Ordinary subjects for a Handicapråd, rotated over the municipalities so the councils differ. */
export const handicapSubjects: readonly Subject[] = [
  (ctx) => ({
    title: `Tilgængelighed på ${ctx.raadhus} – status efter gennemgang`,
    plainSummary:
      "Kommunen har gået rådhuset igennem for at finde steder, hvor kørestolsbrugere, blinde og døve har svært ved at komme rundt. Rådet hører, hvad der skal laves først.",
    summary: `Tilgængeligheden på ${ctx.raadhus} er gennemgået sammen med to medlemmer af rådet. Rapporten peger på 14 forhold, hvoraf fem foreslås udbedret i år.`,
    caseHistory: "HAR/TM",
    casePresentation: `Teknik og Miljø har i samarbejde med to af rådets medlemmer gennemgået ${ctx.raadhus} med udgangspunkt i bygningsreglementet og erfaringer fra borgere, der bruger huset.

Gennemgangen viser blandt andet, at hovedindgangens automatiske dør lukker for hurtigt, at der mangler ledelinjer fra indgangen til borgerservice, at teleslyngen i byrådssalen ikke virker på tilhørerpladserne, og at handicaptoilettet i stueetagen bruges som depot.

Forvaltningen foreslår, at dør, teleslynge, ledelinjer og toilet udbedres inden for årets driftsbudget, mens en ny elevator til tilhørerpladserne indgår i ønskerne til næste års anlægsbudget.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet drøfter prioriteringen og kommer med forslag til, hvilke forhold der bør udbedres først.",
    decision:
      "Rådet bakker op om prioriteringen, men ønsker teleslyngen i byrådssalen udbedret før næste byrådsmøde. Rådet ønsker en status om et halvt år.",
    attachment: {
      fileName: "tilgaengelighedsgennemgang-raadhuset.pdf",
      title: "Tilgængelighedsgennemgang af rådhuset",
      lines: [
        "14 registrerede forhold, heraf 5 foreslået udbedret i indeværende år.",
        "1. Automatisk dør ved hovedindgangen lukker for hurtigt.",
        "2. Manglende ledelinjer fra indgang til borgerservice.",
        "3. Teleslynge i byrådssalen dækker ikke tilhørerpladserne.",
      ],
    },
  }),
  (ctx) => ({
    title: `Budget ${ctx.year + 1} for handicapområdet`,
    plainSummary: `Byrådet har vedtaget budgettet for ${ctx.year + 1}. Her kan rådet se, hvad det betyder for borgere med handicap.`,
    summary: `Orientering om det vedtagne budget for ${ctx.year + 1} på det specialiserede socialområde og de besparelser og udvidelser, der berører borgere med handicap.`,
    caseHistory: "HAR/ØK",
    casePresentation: `Byrådet vedtog budgettet for ${ctx.year + 1} ved andenbehandlingen i oktober. På det specialiserede socialområde er rammen øget med 6,2 mio. kr. til flere borgere i botilbud og flere udgifter til borgerstyret personlig assistance.

Samtidig er der vedtaget en effektivisering på 2,5 mio. kr. på kørsel til aktivitets- og samværstilbud, som skal ske ved bedre planlægning af ruterne. Rådet afgav høringssvar til budgetforslaget i september, hvor rådet særligt pegede på kørslen.

Forvaltningen gennemgår på mødet de ændringer, der berører borgere med handicap, og hvordan de følges.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet tager orienteringen til efterretning.",
    decision:
      "Orienteringen blev taget til efterretning. Rådet ønsker at følge effektiviseringen af kørslen og beder om en opgørelse af køretider efter et halvt år.",
    attachment: {
      fileName: "budget-handicapomraadet.pdf",
      title: "Budgetoverblik for det specialiserede socialområde",
      lines: [
        "Udvidelse: botilbud og BPA, 6,2 mio. kr.",
        "Effektivisering: kørsel til aktivitets- og samværstilbud, 2,5 mio. kr.",
      ],
    },
  }),
  (ctx) => ({
    title: "Handicappolitikken – fra ord til handling",
    plainSummary:
      "Kommunen har en handicappolitik. Nu skal den blive til konkrete handlinger. Rådet ser på, hvem der gør hvad, og hvornår.",
    summary: `Status på handleplanen til ${ctx.kommune}s handicappolitik. Hvert fagområde har ansvar for handlingerne på sit eget felt.`,
    caseHistory: "HAR/SS",
    casePresentation: `Handicappolitikken bygger på sektoransvarlighed: Det enkelte fagområde har ansvaret for, at borgere med handicap får del i dets tilbud på lige fod med andre.

Handleplanen indeholder i alt 18 handlinger fordelt på fire fokusområder. Hver handling har et mål, en tovholder og en tidsfrist. Ni handlinger er gennemført eller i gang, fire er forsinkede, og fem er endnu ikke startet.

De forsinkede handlinger drejer sig om tilgængelige legepladser, information på let dansk, en fast kontaktperson ved 18-årsovergangen og kurser for ansatte i borgerservice.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet drøfter status og peger på mindst tre handlinger, som rådet vil følge tæt det kommende år.",
    decision:
      "Rådet vil følge de tilgængelige legepladser, information på let dansk og kontaktpersonen ved 18-årsovergangen. Tovholderne inviteres til et senere møde.",
  }),
  (ctx) => ({
    title: "Kørselsordning for borgere med handicap",
    plainSummary:
      "Mange borgere med handicap bruger kommunens kørsel til dagtilbud. Rådet hører, om den nye ordning virker, og hvor den kan blive bedre.",
    summary:
      "Erfaringer med den nye kørselsordning til aktivitets- og samværstilbud, herunder køretider, ventetid og klager.",
    caseHistory: "HAR/SS",
    casePresentation: `Kørslen til aktivitets- og samværstilbud blev lagt om efter sidste udbud. Siden da har ${ctx.forvaltning} modtaget 23 klager, de fleste over lange køretider og skiftende chauffører.

Forvaltningen har sammen med vognmanden indført faste chauffører på de ruter, hvor borgerne har det sværest ved skift, og har sat en grænse på 60 minutter for den enkelte tur.

Rådets medlemmer har fra deres organisationer hørt om borgere, der må vente udenfor, når bilen er forsinket. Forvaltningen foreslår, at vognmanden fremover sender besked ved mere end 15 minutters forsinkelse.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet drøfter erfaringerne og forslaget om besked ved forsinkelse.",
    decision:
      "Rådet støtter forslaget om besked ved forsinkelse og ønsker, at beskeden også kan gives som opkald til borgere, der ikke bruger sms.",
  }),
  (ctx) => ({
    title: "Botilbud – kapacitet og ventelister på voksenområdet",
    summary:
      "Status på antallet af pladser i kommunens egne botilbud, ventelister og køb af pladser i andre kommuner.",
    caseHistory: "HAR/SS",
    casePresentation: `${ctx.kommune} har 146 pladser i egne botilbud efter almenboligloven og serviceloven. 19 borgere venter på en plads, heraf syv unge, der fylder 18 inden for det næste år.

Kommunen køber i dag 31 pladser i andre kommuner og regionen. Flere af borgerne ønsker at bo tættere på deres familie. Forvaltningen arbejder på en plan for 12 nye boliger, som kan indgå i budgetforhandlingerne næste år.

Forvaltningen vil gerne høre rådets syn på, hvilke grupper der bør prioriteres i de nye boliger.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet drøfter behovet og giver input til planen for nye boliger.",
    decision:
      "Rådet peger på unge med autisme og borgere med erhvervet hjerneskade som de grupper, der mangler tilbud tæt på familien. Rådet ønsker at blive hørt om planen, før den går til udvalget.",
  }),
  (ctx) => ({
    title: "Tilgængelig digital kommunikation",
    plainSummary:
      "Kommunens hjemmeside og selvbetjening skal kunne bruges af alle. Rådet hører om en test, som borgere med handicap har været med i.",
    summary: `Resultatet af en brugertest af ${ctx.kommune}s hjemmeside og selvbetjeningsløsninger med deltagelse af borgere med syns-, høre- og kognitive handicap.`,
    caseHistory: "HAR/DIG",
    casePresentation: `Digitaliseringsafdelingen har testet hjemmesiden med otte borgere med forskellige handicap, udpeget gennem rådets organisationer.

Testen viste, at skærmlæsere ikke kan læse de indscannede PDF-filer, at formularen til ansøgning om hjælpemidler ikke kan udfyldes uden mus, og at videoer fra byrådsmøder mangler undertekster. Til gengæld var de nye sider på let dansk lette at finde og forstå.

Afdelingen har lavet en plan for rettelserne, som skal være gennemført inden udgangen af næste kvartal.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet tager orienteringen til efterretning og drøfter planen.",
    decision:
      "Orienteringen blev taget til efterretning. Rådet takker de borgere, der deltog, og ønsker en ny test, når rettelserne er gennemført.",
  }),
  (ctx) => ({
    title: "Job til borgere med handicap – jobcentrets indsats",
    summary: `Jobcenter ${ctx.town} orienterer om indsatsen for at flere borgere med handicap kommer i job eller uddannelse.`,
    caseHistory: "HAR/BE",
    casePresentation: `Jobcenter ${ctx.town} har det seneste år haft en særlig indsats for borgere med handicap, blandt andet med en virksomhedskonsulent, der kender ordningerne om personlig assistance, hjælpemidler og fortrinsadgang.

42 borgere har deltaget, og 17 er kommet i ordinært job, fleksjob eller uddannelse. Erfaringen er, at mange virksomheder ikke kender kompensationsordningerne, og at borgerne ofte selv må fortælle om dem.

Jobcentret vil gerne drøfte med rådet, hvordan organisationerne kan hjælpe med at nå flere borgere.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet drøfter, hvordan rådet og organisationerne kan bidrage.",
    decision:
      "Rådet foreslår et fælles informationsmøde for virksomheder i samarbejde med erhvervsrådet. Medlemmerne fra organisationerne hjælper med at finde borgere, der vil fortælle om deres erfaringer.",
    guests: "Leder af jobcentret deltager under dette punkt.",
  }),
  () => ({
    title: "Overgangen fra barn til voksen",
    plainSummary:
      "Når et barn med handicap fylder 18 år, skifter hjælpen fra børneområdet til voksenområdet. Det kan give huller. Rådet ser på, hvordan overgangen kan blive bedre.",
    summary: "Forslag til en fast arbejdsgang for unge med handicap, der fylder 18 år.",
    caseHistory: "HAR/BU",
    casePresentation: `Familier oplever, at overgangen fra børne- til voksenområdet er svær at overskue. Ydelser skal søges på ny, og sagsbehandleren skifter.

Forvaltningen foreslår, at unge med handicap fra de fylder 16 år får en fast kontaktperson fra voksenområdet, at der holdes et fælles møde med familien senest ved 17½ år, og at afgørelser efter voksenreglerne foreligger, før den unge fylder 18.

Forslaget er udarbejdet sammen med to forældre fra LEV og Landsforeningen Autisme.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet drøfter forslaget og afgiver bemærkninger.",
    decision:
      "Rådet bakker op om forslaget og anbefaler, at den unge selv deltager i møderne, og at der følges op et halvt år efter 18-årsdagen.",
  }),
  (ctx) => ({
    title: `Handicapprisen ${ctx.year} – kriterier og annoncering`,
    summary: `Rådet fastlægger kriterierne for årets handicappris og planen for annoncering.`,
    caseHistory: "HAR",
    casePresentation: `Handicaprådet uddeler hvert år en pris til en person, en forening eller en virksomhed i ${ctx.town}, der har gjort en særlig indsats for, at borgere med handicap kan deltage i fællesskabet.

Sekretariatet foreslår, at kriterierne fra sidste år fastholdes, og at prisen annonceres i lokalavisen, på hjemmesiden og gennem organisationerne med frist for indstillinger seks uger før prisoverrækkelsen.

Indstillingerne behandles som lukket punkt, da de indeholder oplysninger om navngivne personer.`,
    recommendation: "Sekretariatet indstiller, at kriterier og plan for annoncering godkendes.",
    decision: "Godkendt. Rådet ønsker, at indstillinger også kan sendes som video eller lydfil.",
  }),
  () => ({
    title: "Tilgængelighed på valgstederne",
    summary:
      "Erfaringer fra det seneste valg med tilgængelighed på valgstederne og hjælp til stemmeafgivning.",
    caseHistory: "HAR/BS",
    casePresentation: `Borgerservice har samlet erfaringerne fra det seneste valg. Alle valgsteder havde trinfri adgang, men på tre af dem var parkeringspladserne for handicapkøretøjer optaget af valgstedets egne biler.

Der var stemmebokse i siddehøjde og luplamper på alle valgsteder. Syv vælgere brugte muligheden for at stemme med en hjælper, de selv havde valgt.

Forvaltningen foreslår en tjekliste for valgstyrerne, som rådet kan kommentere.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet kommenterer udkastet til tjekliste.",
    decision:
      "Rådet tilføjer punkter om skiltning med store bogstaver og om, at valgtilforordnede kender reglerne for hjælp ved stemmeafgivning.",
  }),
  () => ({
    title: "Klagesager og omgørelser på handicapområdet",
    plainSummary:
      "Borgere kan klage over kommunens afgørelser. Rådet ser på, hvor ofte Ankestyrelsen giver borgeren medhold – ikke på de enkelte sager.",
    summary: "Årlig orientering om Ankestyrelsens afgørelser i klagesager på handicapområdet.",
    caseHistory: "HAR/SS",
    casePresentation: `Ankestyrelsen har i det seneste år behandlet 64 klager over kommunens afgørelser på handicapområdet. I 21 sager blev afgørelsen ændret eller hjemvist, svarende til en omgørelsesprocent på 33.

Omgørelserne handler især om merudgifter til voksne, tabt arbejdsfortjeneste og hjælpemidler. Den hyppigste årsag er, at sagen ikke har været tilstrækkeligt oplyst.

Forvaltningen har igangsat kurser i sagsoplysning og partshøring. Rådet behandler ikke enkeltsager; orienteringen er på et samlet niveau.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet tager orienteringen til efterretning.",
    decision:
      "Orienteringen blev taget til efterretning. Rådet finder omgørelsesprocenten for høj og ønsker at se udviklingen igen om et år.",
  }),
  (ctx) => ({
    title: "Aflastning til familier med børn med handicap",
    summary: "Status på aflastningstilbud og ventetid for familier med børn med handicap.",
    caseHistory: "HAR/BU",
    casePresentation: `Familier med børn med handicap kan få aflastning i weekender og ferier. ${ctx.kommune} har to aflastningstilbud og samarbejder med plejefamilier.

Ventetiden til weekendaflastning er steget til omkring fire måneder. Forvaltningen vil afprøve aflastning i eget hjem, hvor en fast medarbejder kommer hjem til familien, som supplement.

Forældre i rådets organisationer har peget på, at søskende også har brug for pauser og aktiviteter.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet drøfter forsøget med aflastning i eget hjem.",
    decision:
      "Rådet støtter forsøget og foreslår, at der også laves søskendegrupper i samarbejde med organisationerne.",
  }),
  (ctx) => ({
    title: "Fritid og idræt for alle",
    summary: `Forslag om et samarbejde med idrætsforeningerne i ${ctx.town} om flere hold for børn og voksne med handicap.`,
    caseHistory: "HAR/KF",
    casePresentation: `Kultur og Fritid foreslår et samarbejde med idrætsforeningerne om flere hold, hvor børn og voksne med handicap kan deltage, enten på egne hold eller sammen med andre.

Foreningerne efterspørger viden om forskellige handicap og hjælp til at finde trænere. Forvaltningen foreslår en pulje på 150.000 kr. til opstart og kurser for trænere.

Rådets medlemmer kan bidrage med kontakt til borgere, der gerne vil være med.`,
    recommendation:
      "Forvaltningen indstiller, at Handicaprådet drøfter forslaget og udpeger et medlem til styregruppen.",
    decision: "Rådet støtter forslaget og udpeger et medlem fra organisationssiden til styregruppen.",
  }),
  (ctx) => ({
    title: "Beredskab og evakuering af borgere med handicap",
    summary: `Beredskabet orienterer om planerne for at hjælpe borgere med handicap ved strømsvigt, oversvømmelse og evakuering i ${ctx.town}.`,
    caseHistory: "HAR/BER",
    casePresentation: `Beredskabet har opdateret den kommunale beredskabsplan. Planen beskriver, hvordan borgere, der bruger respirator eller andet strømafhængigt udstyr, kontaktes ved længerevarende strømsvigt.

Planen forudsætter, at borgerne er registreret hos hjemmeplejen eller i hjælpemiddelcentret. Borgere med BPA er ikke altid registreret, og beredskabet vil gerne have rådets hjælp til at nå dem.

Varsling sker i dag via sms og radio. Døve og hørehæmmede har peget på, at der også bør varsles via tekstbeskeder i deres egne apps.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet drøfter planen og kommer med forslag.",
    decision:
      "Rådet opfordrer til frivillig tilmelding for borgere med BPA og til varsling på flere kanaler. Organisationerne informerer deres medlemmer.",
    guests: "Beredskabschefen deltager under dette punkt.",
  }),
  (ctx) => ({
    title: `Handicaprådets årsberetning ${ctx.year}`,
    summary: "Drøftelse af indholdet i rådets årsberetning til byrådet.",
    caseHistory: "HAR",
    casePresentation: `Handicaprådet afgiver hvert år en beretning til byrådet om sit arbejde. Sekretariatet har lavet et udkast, der samler årets høringssvar, temadrøftelser og rådets egne initiativer.

Udkastet fremhæver høringssvarene om kørsel og kvalitetsstandarder, arbejdet med handicappolitikkens handleplan og rådets deltagelse i dialogmødet med byrådet.

Rådet bedes pege på, hvad der skal fremhæves som ønsker til næste år.`,
    recommendation:
      "Sekretariatet indstiller, at Handicaprådet drøfter udkastet og giver input til ønsker for næste år.",
    decision:
      "Rådet ønsker, at beretningen fremhæver boliger til unge og tilgængelig kommunikation. Formand og næstformand godkender den endelige tekst.",
  }),
  (ctx) => ({
    title: `Mødeplan for ${ctx.year + 1}`,
    summary: `Forslag til Handicaprådets mødedatoer i ${ctx.year + 1}.`,
    caseHistory: "HAR",
    casePresentation: `Sekretariatet foreslår fire ordinære møder i ${ctx.year + 1}, placeret så rådet kan nå at afgive høringssvar til budgetforslaget og til kvalitetsstandarderne, inden de behandles politisk.

Møderne foreslås holdt på ${ctx.raadhus}. Dagsordenen udsendes otte dage før hvert møde, og referatet er åbent for bemærkninger i otte dage, før det offentliggøres.

Desuden foreslås et fælles dialogmøde med byrådets fagudvalg i foråret.`,
    recommendation: "Sekretariatet indstiller, at mødeplanen godkendes.",
    decision: "Mødeplanen blev godkendt.",
  }),
];

/** Closed items (lukket punkt): title and content are both confidential and must never reach the public. */
export const closedSubjects: readonly Subject[] = [
  (ctx) => ({
    title: "Personsag: klage over afgørelse om merudgifter",
    summary: "Henvendelse fra en borger om afslag på dækning af merudgifter til særlig kost og medicin.",
    caseHistory: "HAR/SS – lukket",
    casePresentation: `Rådet har modtaget en henvendelse fra borgeren K.M. (født 1978), bosat i ${ctx.town}, der har fået afslag på dækning af merudgifter efter servicelovens § 100 til glutenfri kost og håndkøbsmedicin på i alt 612 kr. om måneden.

Borgeren beder rådet tage stilling til, om afgørelsen er rimelig, og vedlægger lægeerklæring og kontoudtog.

Handicaprådet kan efter retssikkerhedsloven ikke behandle enkeltsager. Sekretariatet foreslår, at borgeren vejledes om klageadgangen til Ankestyrelsen, og at henvendelsen uden bilag sendes videre til afdelingslederen for myndighed voksne.`,
    recommendation:
      "Sekretariatet indstiller, at rådet tager henvendelsen til efterretning og godkender, at borgeren vejledes om klageadgangen.",
    decision:
      "Rådet behandler ikke enkeltsager. Borgeren vejledes skriftligt om klage til Ankestyrelsen inden for fire uger. Bilagene slettes af sekretariatet.",
  }),
  (ctx) => ({
    title: `Indstillinger til Handicapprisen ${ctx.year}`,
    summary: "Rådet vælger årets prismodtager blandt de indkomne indstillinger.",
    caseHistory: "HAR – lukket",
    casePresentation: `Der er kommet fem indstillinger: Lene Vestergaard for ti års frivilligt arbejde med ridning for børn med handicap, Café Spiren for at ansætte seks medarbejdere i fleksjob, ${ctx.town} Svømmeklub for hold for voksne med sklerose, Morten Aagaard for en tilgængelig festival og en skole for et inklusionsprojekt i udskolingen.

De indstillede er ikke orienteret, og navnene offentliggøres først ved prisoverrækkelsen.`,
    recommendation: "Sekretariatet indstiller, at rådet vælger en prismodtager.",
    decision: "Rådet valgte Café Spiren. Formanden orienterer prismodtageren personligt.",
  }),
  (ctx) => ({
    title: "Henvendelse om forhold på et botilbud",
    summary: "Pårørende har skrevet til rådet om bekymrende forhold for en navngiven beboer.",
    caseHistory: "HAR/SS – lukket",
    casePresentation: `Rådet har modtaget et brev fra pårørende til en beboer på botilbuddet Lærkehøj i ${ctx.town}. De beskriver, at beboeren i flere uger ikke har fået hjælp til at komme udenfor, og at der har været mange skiftende vikarer.

Brevet indeholder helbredsoplysninger om beboeren og navne på medarbejdere.

Rådet kan ikke behandle enkeltsager, men kan bede forvaltningen om en generel orientering om bemanding og brug af vikarer på botilbuddene.`,
    recommendation:
      "Sekretariatet indstiller, at de pårørende henvises til tilbudslederen og Socialtilsynet, og at rådet beder om en generel orientering om bemanding.",
    decision:
      "Godkendt. De pårørende får svar fra sekretariatet med kontaktoplysninger til Socialtilsyn Nord/Midt. Emnet bemanding sættes på et kommende møde som åbent punkt.",
  }),
  (ctx) => ({
    title: "Personsag: henvendelse om afslag på ledsagelse",
    summary: "En borger beder rådet om hjælp efter afslag på ledsageordning.",
    caseHistory: "HAR/SS – lukket",
    casePresentation: `Rådet har modtaget en henvendelse fra en 34-årig borger i ${ctx.town} med cerebral parese, som har fået afslag på 15 timers ledsagelse om måneden efter servicelovens § 97, fordi borgeren bor på et botilbud.

Borgeren har givet samtykke til, at sagen forelægges rådet, men rådet kan ikke behandle enkeltsager.`,
    recommendation:
      "Sekretariatet indstiller, at borgeren vejledes om klageadgangen og om muligheden for partsrepræsentation.",
    decision:
      "Rådet tog henvendelsen til efterretning. Borgeren vejledes om klage og om, at en organisation kan bistå som partsrepræsentant.",
  }),
];

export type HearingText = {
  title: string;
  plainSummary: string;
  description: string;
  requestingBody: string;
  response: string;
  attachment?: DemoAttachment;
};

export type HearingTemplate = (ctx: Ctx) => HearingText;

/** Hearings a Handicapråd receives; rotated over the municipalities. */
export const hearingTemplates: readonly HearingTemplate[] = [
  () => ({
    title: "Kvalitetsstandard for borgerstyret personlig assistance (BPA)",
    plainSummary:
      "Kommunen har skrevet nye regler for, hvordan borgere med BPA får hjælp. Rådet kan sige sin mening, før politikerne beslutter dem.",
    description:
      "Udkastet ændrer beregningen af timetal, indfører opfølgning hvert år og beskriver, hvornår arbejdsgiveransvaret kan overdrages til en forening eller en privat virksomhed.",
    requestingBody: "Socialudvalget",
    response:
      "Handicaprådet finder det positivt, at standarden beskriver overdragelse af arbejdsgiveransvaret. Rådet er bekymret for, at en årlig opfølgning bliver en belastning for borgere med stabile behov, og foreslår opfølgning hvert andet år, medmindre borgeren selv ønsker andet.",
    attachment: {
      fileName: "kvalitetsstandard-bpa-udkast.pdf",
      title: "Udkast: Kvalitetsstandard for BPA",
      lines: [
        "Høringsmateriale til Handicaprådet.",
        "Timetal, opfølgning og overdragelse af arbejdsgiveransvar.",
      ],
    },
  }),
  () => ({
    title: "Serviceniveau for kørsel til aktivitets- og samværstilbud",
    plainSummary:
      "Kommunen vil ændre reglerne for kørsel til dagtilbud. Rådet bliver spurgt, før reglerne ændres.",
    description:
      "Forslaget fastsætter en længste køretid på 60 minutter pr. tur og en egenbetaling svarende til en buskort-pris. Borgere, der kan klare sig med offentlig transport, skal fremover have afprøvet den først.",
    requestingBody: "Social- og Sundhedsudvalget",
    response:
      "Handicaprådet kan støtte en grænse på 60 minutter, men anbefaler 45 minutter for borgere med epilepsi og svær autisme. Rådet fraråder, at afprøvning af offentlig transport bliver en betingelse, uden at borgeren får træning i at bruge den.",
  }),
  (ctx) => ({
    title: "Tilgængelighedsstrategi for kommunale bygninger",
    plainSummary:
      "Kommunen laver en plan for, hvordan skoler, haller og kontorer skal blive lettere at bruge for alle. Rådet kan komme med forslag.",
    description: `Strategien dækker ${ctx.kommune}s egne bygninger og fastlægger en rækkefølge for udbedringer frem mod ${ctx.year + 5}. Skoler og idrætshaller prioriteres først.`,
    requestingBody: "Teknik- og Miljøudvalget",
    response:
      "Handicaprådet bakker op om strategien og foreslår, at brugere med forskellige handicap deltager i gennemgangen af hver bygning. Rådet ønsker en årlig status.",
    attachment: {
      fileName: "tilgaengelighedsstrategi-hoering.pdf",
      title: "Tilgængelighedsstrategi for kommunale bygninger",
      lines: ["Høringsudkast.", "Prioritering: skoler, idrætshaller, administrationsbygninger."],
    },
  }),
  () => ({
    title: "Kvalitetsstandard for hjælpemidler og forbrugsgoder",
    plainSummary: "Nye regler for, hvilke hjælpemidler kommunen giver, og hvor hurtigt. Rådet bliver hørt.",
    description:
      "Udkastet fastsætter sagsbehandlingsfrister, regler for genbrug af hjælpemidler og et nyt frit valg af leverandør for kørestole.",
    requestingBody: "Sundheds- og Ældreudvalget",
    response:
      "Handicaprådet glæder sig over frit valg af leverandør, men finder fristen på otte uger for lang for borgere, der er ved at miste funktionsevne, og foreslår en hurtigere procedure for dem.",
  }),
  (ctx) => ({
    title: `Udkast til ${ctx.socialaftale}`,
    plainSummary:
      "Kommunerne i regionen laver en fælles aftale om de specialiserede tilbud. Rådet kan sige, hvad den skal lægge vægt på.",
    description: `${ctx.socialaftaleSekretariat} har sendt udkastet til aftalen i høring i kommunernes råd og udvalg. Aftalen beskriver fælles fokusområder og styringen af de specialiserede tilbud.`,
    requestingBody: ctx.socialaftaleSekretariat,
    response:
      "Handicaprådet støtter fokus på borgernes egenmestring og ønsker, at aftalen også sikrer tilbud tæt på borgernes netværk, så ingen skal flytte langt væk for at få et specialiseret tilbud.",
  }),
  (ctx) => ({
    title: "Forslag til sammenhængende børne- og ungepolitik",
    plainSummary:
      "Kommunen har skrevet en ny politik for børn og unge. Rådet kan sige, om børn med handicap er tænkt med.",
    description: `Politikken samler ${ctx.kommune}s mål for dagtilbud, skole, fritid og familieindsatser og erstatter de nuværende delpolitikker.`,
    requestingBody: "Børne- og Skoleudvalget",
    response:
      "Handicaprådet savner, at børn med handicap nævnes under fritid og skole, og foreslår et mål om, at alle børn kan deltage i mindst én fritidsaktivitet.",
  }),
];

/** An internal hearing that is not public (e.g. an early organisational proposal). */
export const internalHearing: HearingTemplate = (ctx) => ({
  title: "Forslag om ny organisering af visitationen på voksenområdet",
  plainSummary:
    "Et tidligt forslag om, hvordan visitationen kan organiseres. Forslaget er endnu ikke offentligt.",
  description: `${ctx.forvaltning} overvejer at samle visitationen til botilbud, bostøtte og aktivitetstilbud i én enhed. Forslaget drøftes med rådet, før det behandles i MED-systemet og politisk.`,
  requestingBody: ctx.forvaltning,
  response:
    "Handicaprådet ser fordele i én indgang for borgerne, men ønsker sikkerhed for, at den faglige viden om de enkelte målgrupper bevares.",
});

/** The agenda item in which a council treats a hearing. */
export function hearingItem(hearing: HearingText, deadlineText: string): ItemText {
  return {
    title: `Høring: ${hearing.title}`,
    plainSummary: hearing.plainSummary,
    summary: `${hearing.requestingBody} har sendt sagen i høring. Høringsfristen er ${deadlineText}.`,
    caseHistory: "HAR/HØ",
    casePresentation: `${hearing.description}

Rådet drøfter på mødet indholdet i et høringssvar. Formand og næstformand færdiggør svaret på baggrund af drøftelsen.`,
    recommendation: "Forvaltningen indstiller, at Handicaprådet drøfter sagen og afgiver høringssvar.",
    decision:
      "Rådet drøftede sagen. Høringssvaret udarbejdes af formand og næstformand på baggrund af drøftelsen.",
  };
}

/** Subjects for an Ældreråd. */
export const seniorSubjects: readonly Subject[] = [
  (ctx) => ({
    title: "Kvalitetsstandard for personlig og praktisk hjælp",
    summary: "Ældrerådet hører om forslaget til næste års kvalitetsstandard for hjemmehjælp.",
    caseHistory: "ÆR/SÆ",
    casePresentation: `${ctx.kommune} foreslår, at rengøring fortsat gives hver anden uge, og at borgere, der kan lære at klare opgaver selv, tilbydes et træningsforløb først.

Ældrerådet har tidligere peget på, at træning skal være frivillig og tilpasset den enkelte.`,
    recommendation: "Forvaltningen indstiller, at Ældrerådet drøfter forslaget.",
    decision:
      "Rådet støtter træningsforløb, når de er frivillige, og ønsker, at borgeren altid kan vælge hjælp i stedet.",
  }),
  (ctx) => ({
    title: "Demensvenlig kommune – status",
    summary: `Status på indsatsen for at gøre ${ctx.town} til et demensvenligt lokalsamfund.`,
    caseHistory: "ÆR/SÆ",
    casePresentation:
      "Over 600 borgere har gennemført kurset som demensven. Butikker, bibliotek og busselskab har fået undervisning, og der er åbnet en pårørendecafé.\n\nNæste skridt er et samarbejde med foreningerne om motion for borgere med demens.",
    recommendation: "Forvaltningen indstiller, at orienteringen tages til efterretning.",
    decision: "Taget til efterretning. Rådet tilbyder at deltage i planlægningen af motionstilbuddet.",
  }),
  () => ({
    title: "Madservice – resultat af tilfredshedsundersøgelsen",
    summary: "Resultatet af årets undersøgelse blandt borgere, der får mad leveret.",
    caseHistory: "ÆR/SÆ",
    casePresentation:
      "78 procent er tilfredse eller meget tilfredse med maden. Utilfredsheden handler mest om faste leveringstider og for lidt variation i de små retter.\n\nKøkkenet foreslår at lade borgerne vælge mellem to leveringstidspunkter.",
    recommendation: "Forvaltningen indstiller, at Ældrerådet drøfter resultatet.",
    decision: "Rådet støtter to leveringstidspunkter og ønsker, at undersøgelsen også sendes til pårørende.",
  }),
  (ctx) => ({
    title: `Budget ${ctx.year + 1} på ældreområdet`,
    summary: "Orientering om det vedtagne budget og de ændringer, der berører ældre borgere.",
    caseHistory: "ÆR/ØK",
    casePresentation:
      "Budgettet tilfører ældreområdet midler til flere ældre over 80 år og til en ny sygeplejeklinik. Der er vedtaget en effektivisering af indkøb af inkontinenshjælpemidler.",
    recommendation: "Forvaltningen indstiller, at orienteringen tages til efterretning.",
    decision: "Taget til efterretning.",
  }),
];

/** Subjects for Skanderborg's task committee (opgaveudvalg), where citizens sit beside politicians. */
export const taskCommitteeSubjects: readonly Subject[] = [
  () => ({
    title: "Kommissorium og arbejdsform",
    plainSummary: "Udvalget aftaler, hvad det skal lave, og hvordan borgere og politikere arbejder sammen.",
    summary: "Udvalget gennemgår kommissoriet fra byrådet og aftaler sin arbejdsform.",
    caseHistory: "OU",
    casePresentation:
      "Byrådet har nedsat opgaveudvalget for en kortere periode. Udvalget består af borgere og et mindretal af byrådsmedlemmer og skal aflevere anbefalinger til byrådet.\n\nUdvalget arbejder med workshops, besøg og samtaler med borgere og foreninger mellem møderne.",
    recommendation: "Sekretariatet indstiller, at udvalget godkender arbejdsplanen.",
    decision: "Arbejdsplanen blev godkendt med et ekstra borgermøde i en af de mindre byer.",
  }),
  () => ({
    title: "Workshop: fællesskaber for unge med handicap",
    summary: "Opsamling fra workshoppen med unge, forældre og foreninger.",
    caseHistory: "OU",
    casePresentation:
      "32 deltog i workshoppen på biblioteket. De unge ønskede steder at mødes uden voksne, transport om aftenen og foreninger, der er vant til deltagere med handicap.\n\nIdéerne er samlet i seks forslag, som udvalget skal prioritere.",
    recommendation: "Sekretariatet indstiller, at udvalget prioriterer forslagene.",
    decision:
      "Udvalget arbejder videre med aftentransport, et ungemiljø i kulturhuset og en foreningsmentor.",
  }),
  () => ({
    title: "Udkast til anbefalinger til byrådet",
    summary: "Udvalget drøfter udkastet til sine anbefalinger.",
    caseHistory: "OU",
    casePresentation:
      "Udkastet indeholder tre anbefalinger med økonomiske overslag. Borgermedlemmerne har skrevet udkastet sammen med sekretariatet.",
    recommendation: "Sekretariatet indstiller, at udvalget drøfter og færdiggør anbefalingerne.",
    decision: "Anbefalingerne færdiggøres på næste møde.",
  }),
];

/** A hearing for an Ældreråd. */
export const seniorHearing: HearingTemplate = () => ({
  title: "Kvalitetsstandard for madservice",
  plainSummary:
    "Kommunen vil ændre reglerne for mad, der bringes ud til ældre. Ældrerådet kan sige sin mening.",
  description:
    "Udkastet giver borgerne mulighed for at vælge mellem to leveringstidspunkter og indfører en ny ordning for diætkost. Prisen følger den statslige maksimale takst.",
  requestingBody: "Sundheds- og Ældreudvalget",
  response:
    "Ældrerådet støtter to leveringstidspunkter og ønsker, at borgerne kan skifte tidspunkt med kort varsel, fx ved sygdom eller besøg.",
});
