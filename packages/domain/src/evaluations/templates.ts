import type { Question, Questionnaire } from "./questionnaire.ts";

/**
 * Questionnaires that ship with the product, from the partnership model's Bilag A: the parents' satisfaction
 * questionnaire after a course, and the two parts of the partners' evaluation meeting. An official starts from
 * one and adapts it.
 */
const agreeScale = {
  lowLabel: { da: "Meget utilfreds", en: "Very dissatisfied" },
  highLabel: { da: "Meget tilfreds", en: "Very satisfied" },
};

const scale = (id: string, da: string, en: string): Question => ({
  id,
  type: "scale",
  required: true,
  text: { da, en },
  ...agreeScale,
});

const text = (id: string, da: string, en: string, required = false): Question => ({
  id,
  type: "free_text",
  required,
  maxLength: 4000,
  text: { da, en },
});

export const parentCourseQuestionnaire: Questionnaire = {
  title: { da: "Tilfredshed med forældrekurset", en: "Satisfaction with the parent course" },
  intro: {
    da: "Dine svar er anonyme. Vi bruger dem til at gøre næste kursus bedre.",
    en: "Your answers are anonymous. We use them to make the next course better.",
    easyRead: "Vi vil gerne vide, hvad du synes om kurset. Ingen kan se, hvad du har svaret.",
  },
  questions: [
    scale(
      "overall",
      "Hvor tilfreds er du alt i alt med kurset?",
      "Overall, how satisfied are you with the course?",
    ),
    scale(
      "content",
      "Hvor tilfreds er du med indholdet af undervisningsgangene?",
      "How satisfied are you with the content of the sessions?",
    ),
    scale(
      "network",
      "Hvor tilfreds er du med mødet med de andre familier?",
      "How satisfied are you with meeting the other families?",
    ),
    {
      id: "useful",
      type: "multiple_choice",
      required: false,
      text: {
        da: "Hvad har du især fået ud af kurset?",
        en: "What did you especially gain from the course?",
      },
      choices: [
        {
          value: "knowledge",
          label: { da: "Viden om mit barns handicap", en: "Knowledge of my child's disability" },
        },
        { value: "rights", label: { da: "Viden om mine rettigheder", en: "Knowledge of my rights" } },
        {
          value: "network",
          label: { da: "Et netværk med andre forældre", en: "A network with other parents" },
        },
        { value: "energy", label: { da: "Overskud i hverdagen", en: "More energy in everyday life" } },
      ],
    },
    {
      id: "childcare",
      type: "yes_no",
      required: true,
      text: {
        da: "Fungerede pasningen af børnene under kurset?",
        en: "Did the childcare during the course work?",
      },
    },
    {
      id: "recommend",
      type: "single_choice",
      required: true,
      text: {
        da: "Vil du anbefale kurset til andre forældre?",
        en: "Would you recommend the course to other parents?",
      },
      choices: [
        { value: "yes", label: { da: "Ja", en: "Yes" } },
        { value: "maybe", label: { da: "Måske", en: "Maybe" } },
        { value: "no", label: { da: "Nej", en: "No" } },
      ],
    },
    text("better", "Hvad kan vi gøre bedre?", "What can we do better?"),
  ],
};

/** Part one of the partners' meeting: did the participants get what was intended? */
export const partnersOutcomeQuestions: Question[] = [
  text(
    "participants_gain",
    "Hvad har deltagerne fået ud af forløbet?",
    "What did the participants gain from the course?",
    true,
  ),
  text(
    "goals_match",
    "Hvordan stemmer det overens med de mål, der oprindeligt blev sat?",
    "How does that match the goals originally set?",
  ),
  scale(
    "partners_satisfied_outcome",
    "Partnernes tilfredshed med deltagernes udbytte",
    "The partners' satisfaction with what the participants gained",
  ),
  text(
    "improvements",
    "Opmærksomhedspunkter og forbedringer til næste gang",
    "Points to watch and improvements",
  ),
];

/** Part two: the cooperation itself, ending in whether to continue. */
export const partnersCooperationQuestions: Question[] = [
  scale(
    "cooperation",
    "Partnernes tilfredshed med samarbejdet",
    "The partners' satisfaction with the cooperation",
  ),
  text(
    "cooperation_notes",
    "Hvad har fungeret godt, og hvad kan forbedres?",
    "What worked well, and what can improve?",
  ),
  {
    id: "roles",
    type: "single_choice",
    required: true,
    text: {
      da: "Har roller og arbejdsfordelingen fungeret hensigtsmæssigt?",
      en: "Have the roles and the division of work worked well?",
    },
    choices: [
      { value: "yes", label: { da: "Ja", en: "Yes" } },
      { value: "partly", label: { da: "Delvist", en: "Partly" } },
      { value: "no", label: { da: "Nej", en: "No" } },
    ],
  },
  {
    id: "value",
    type: "yes_no",
    required: true,
    text: {
      da: "Skaber det værdi, at indsatsen gennemføres i et partnerskab?",
      en: "Does it add value that the work is done in a partnership?",
    },
  },
  {
    id: "continue",
    type: "yes_no",
    required: true,
    text: {
      da: "Er partnerne interesseret i at fortsætte partnerskabet?",
      en: "Are the partners interested in continuing the partnership?",
    },
  },
  text("next_steps", "Næste skridt?", "Next steps?", true),
];

/** The meeting's two parts are two sections, so the questionnaire is answered in two pages. */
const startsSection = ([first, ...rest]: Question[], section: Question["section"]): Question[] =>
  first ? [{ ...first, section }, ...rest] : [];

export const partnersMeetingQuestionnaire: Questionnaire = {
  title: { da: "Partnernes evalueringsmøde", en: "The partners' evaluation meeting" },
  questions: [
    ...startsSection(partnersOutcomeQuestions, {
      da: "Del 1: Deltagernes udbytte",
      en: "Part 1: What the participants gained",
    }),
    ...startsSection(partnersCooperationQuestions, {
      da: "Del 2: Samarbejdet",
      en: "Part 2: The cooperation",
    }),
  ],
};

export const questionnaireTemplates = {
  parent_course: parentCourseQuestionnaire,
  partners_meeting: partnersMeetingQuestionnaire,
} as const;
export type QuestionnaireTemplate = keyof typeof questionnaireTemplates;
