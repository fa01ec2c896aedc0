import type { Urls } from "./urls.ts";

/**
 * A small, hand-written OpenAPI 3.1 description for people who do not know OParl: the paths, parameters and the
 * list envelope. The object schemas are the standard's own; here each object is only named by its type.
 */
/** An OParl object, described by its type; the full schema is the standard's (oparl.org, "Schema" chapter). */
function oparlObject(type: string) {
  return {
    type: "object",
    description: `OParl 1.1 ${type}; the full schema is in the OParl 1.1 specification (https://oparl.org)`,
    required: ["id", "type"],
    properties: {
      id: { type: "string", format: "uri", description: "the object's own URL" },
      // Samråd's vendor types are named `samraad:…` (see the README); the standard's are URLs.
      type: { const: type.startsWith("samraad:") ? type : `https://schema.oparl.org/1.1/${type}` },
      deleted: { type: "boolean" },
    },
  };
}

export function openApiDocument(urls: Urls) {
  const listParameters = [
    { $ref: "#/components/parameters/created_since" },
    { $ref: "#/components/parameters/created_until" },
    { $ref: "#/components/parameters/modified_since" },
    { $ref: "#/components/parameters/modified_until" },
    { $ref: "#/components/parameters/limit" },
    { $ref: "#/components/parameters/after" },
    { $ref: "#/components/parameters/omit_internal" },
  ];
  const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const objectPath = (type: string, description: string) => ({
    get: {
      summary: `${type}: ${description}`,
      parameters: [idParameter],
      responses: {
        "200": {
          description: `The ${type} (a deleted one has only id, type, created, modified and deleted: true)`,
          content: { "application/json": { schema: oparlObject(type) } },
        },
        "404": { $ref: "#/components/responses/NotFound" },
      },
    },
  });
  const listPath = (type: string, description: string) => ({
    get: {
      summary: `List of ${type}: ${description}`,
      parameters: [idParameter, ...listParameters],
      responses: {
        "200": {
          description: `One page of ${type} objects`,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ListPage" } } },
        },
        "400": { $ref: "#/components/responses/BadRequest" },
        "404": { $ref: "#/components/responses/NotFound" },
      },
    },
  });
  const bodyLists: [string, string][] = [
    ["organizations", "Organization"],
    ["people", "Person"],
    ["memberships", "Membership"],
    ["legislative-terms", "LegislativeTerm"],
    ["meetings", "Meeting"],
    ["agenda-items", "AgendaItem"],
    ["papers", "Paper"],
    ["consultations", "Consultation"],
    ["files", "File"],
    ["locations", "Location"],
    ["policy-actions", "samraad:PolicyAction"],
    ["co-creation-processes", "samraad:CoCreationProcess"],
    ["co-creation-sessions", "samraad:CoCreationSession"],
    ["ideas", "samraad:Idea"],
    ["vote-results", "samraad:VoteResult"],
  ];
  const objects: [string, string, string][] = [
    ["body", "Body", "a municipality (kommune)"],
    ["organization", "Organization", "a council (råd), classification Beirat"],
    ["person", "Person", "a council member; the name only when the person agreed to be named"],
    ["membership", "Membership", "a seat held for a period, with role, vote and personal substitute"],
    ["legislative-term", "LegislativeTerm", "a council's term (funktionsperiode)"],
    ["meeting", "Meeting", "a meeting whose agenda is published"],
    ["agenda-item", "AgendaItem", "an agenda item; a closed item has public: false and no content"],
    [
      "paper",
      "Paper",
      "a public hearing (høring) with its documents and the submitted response, or an adopted disability policy (paperType Handicappolitik)",
    ],
    ["consultation", "Consultation", "the council's hearing of a paper (role Anhörung)"],
    ["file", "File", "a public attachment"],
    ["location", "Location", "a meeting's place"],
    [
      "policy-action",
      "samraad:PolicyAction",
      "an action of an adopted disability policy (Samråd vendor object, schema in the README)",
    ],
    [
      "co-creation-process",
      "samraad:CoCreationProcess",
      "a published co-creation process (samskabelsesforløb) with its phases (Samråd vendor object)",
    ],
    [
      "co-creation-session",
      "samraad:CoCreationSession",
      "a workshop or meeting of a co-creation process, with its accessibility facts (Samråd vendor object)",
    ],
    ["idea", "samraad:Idea", "a published idea (forslag) of a co-creation process (Samråd vendor object)"],
    [
      "vote-result",
      "samraad:VoteResult",
      "the published result of a citizen-run budget vote: votes per idea and turnout (Samråd vendor object)",
    ],
  ];
  const paths: Record<string, unknown> = {
    "/system": {
      get: {
        summary: "The entry point (OParl System)",
        responses: {
          "200": {
            description: "The System",
            content: { "application/json": { schema: oparlObject("System") } },
          },
        },
      },
    },
    "/bodies": {
      get: {
        summary: "List of Body: every municipality",
        parameters: listParameters,
        responses: {
          "200": {
            description: "One page of Body objects",
            content: { "application/json": { schema: { $ref: "#/components/schemas/ListPage" } } },
          },
          "400": { $ref: "#/components/responses/BadRequest" },
        },
      },
    },
    "/organization/{id}/meetings": listPath("Meeting", "the council's published meetings"),
    "/file/{id}/download": {
      get: {
        summary: "The bytes of a public file",
        parameters: [idParameter],
        responses: {
          "200": { description: "The file", content: { "application/octet-stream": {} } },
          "404": { $ref: "#/components/responses/NotFound" },
        },
      },
    },
  };
  for (const [segment, type] of bodyLists)
    paths[`/body/{id}/${segment}`] = listPath(type, "of one municipality");
  for (const [segment, type, description] of objects)
    paths[`/${segment}/{id}`] = objectPath(type, description);
  const dateTimeParameter = (name: string, description: string) => ({
    name,
    in: "query",
    description,
    schema: { type: "string", format: "date-time" },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Samråd OParl 1.1 API",
      version: "1.1",
      description:
        "Open data of Danish municipal advisory councils (handicapråd, ældreråd …) in the OParl 1.1 standard " +
        "(https://oparl.org). Start at /system. Only published content is served. Danish extensions carry the " +
        "prefix `samraad:`.",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: urls.base }],
    paths,
    components: {
      parameters: {
        created_since: dateTimeParameter("created_since", "Only objects created at or after this time"),
        created_until: dateTimeParameter("created_until", "Only objects created at or before this time"),
        modified_since: dateTimeParameter(
          "modified_since",
          "Only objects modified at or after this time; deleted objects are then listed with deleted: true",
        ),
        modified_until: dateTimeParameter("modified_until", "Only objects modified at or before this time"),
        limit: {
          name: "limit",
          in: "query",
          description: "Objects per page (the server caps it at 1000)",
          schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
        },
        omit_internal: {
          name: "omit_internal",
          in: "query",
          description: "true: leave out embedded lists (agenda items of meetings, memberships of people …)",
          schema: { type: "boolean" },
        },
        after: {
          name: "after",
          in: "query",
          description: "Page cursor; follow links.next rather than building it",
          schema: { type: "string", format: "uuid" },
        },
      },
      schemas: {
        ListPage: {
          type: "object",
          required: ["data", "pagination", "links"],
          properties: {
            data: { type: "array", items: { type: "object" } },
            pagination: { type: "object", properties: { elementsPerPage: { type: "integer" } } },
            links: {
              type: "object",
              properties: {
                first: { type: "string", format: "uri" },
                self: { type: "string", format: "uri" },
                next: { type: "string", format: "uri", description: "Absent on the last page" },
              },
            },
          },
        },
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
      },
      responses: {
        NotFound: {
          description: "No such public object",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
        BadRequest: {
          description: "A parameter is malformed (message in Danish and English)",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  };
}
