import { describe, expect, it } from "vitest";
import {
  type Action,
  actions,
  can,
  internalCouncilScope,
  municipalitiesOf,
  type Principal,
  partnershipsOf,
} from "./rules.ts";

const broenderslev = "m-broenderslev";
const randers = "m-randers";
const handicapraad = "c-handicap";
const aeldreraad = "c-aeldre";

const admin: Principal = {
  userId: "u1",
  name: "Admin",
  grants: [{ municipalityId: broenderslev, role: "administrator", councilId: null }],
};
const secretary: Principal = {
  userId: "u2",
  name: "Sekretær",
  grants: [{ municipalityId: broenderslev, role: "secretary", councilId: handicapraad }],
};
const member: Principal = {
  userId: "u3",
  name: "Medlem",
  grants: [{ municipalityId: broenderslev, role: "member", councilId: handicapraad }],
};

describe("who may do what", () => {
  it("lets an administrator do everything in their own municipality, and nothing in another", () => {
    for (const action of actions) {
      expect(can(admin, action, { municipalityId: broenderslev, councilId: aeldreraad })).toBe(true);
      expect(can(admin, action, { municipalityId: randers, councilId: "c-randers" })).toBe(false);
    }
  });

  it("lets a secretary run only the council they are assigned to", () => {
    const own = { municipalityId: broenderslev, councilId: handicapraad };
    const other = { municipalityId: broenderslev, councilId: aeldreraad };
    expect(can(secretary, "council.edit", own)).toBe(true);
    expect(can(secretary, "council.edit", other)).toBe(false);
    expect(can(secretary, "council.read_internal", other)).toBe(false);
    expect(can(secretary, "municipality.administer", { municipalityId: broenderslev })).toBe(false);
  });

  it("lets a member read papers and collaborate on responses but change nothing", () => {
    const own = { municipalityId: broenderslev, councilId: handicapraad };
    const allowed: Action[] = ["council.read_internal", "hearing.collaborate"];
    for (const action of actions) expect(can(member, action, own)).toBe(allowed.includes(action));
  });

  it("gives nobody anything without a login", () => {
    for (const action of actions) expect(can(null, action, { municipalityId: broenderslev })).toBe(false);
  });

  it("never lets a council grant reach a municipality-wide resource", () => {
    expect(can(secretary, "council.edit", { municipalityId: broenderslev })).toBe(false);
    expect(can(secretary, "council.edit", { municipalityId: broenderslev, councilId: null })).toBe(false);
  });

  it("scopes internal reading to the assigned councils, or all of them for an administrator", () => {
    expect(internalCouncilScope(admin, broenderslev)).toEqual({ all: true });
    expect(internalCouncilScope(secretary, broenderslev)).toEqual({ all: false, councilIds: [handicapraad] });
    expect(internalCouncilScope(secretary, randers)).toEqual({ all: false, councilIds: [] });
  });
});

describe("the partner role, scoped to one partnership", () => {
  const partnership = "p-forældrekursus";
  const otherPartnership = "p-andet";
  const partner: Principal = {
    userId: "u9",
    name: "Foreningens kontaktperson",
    grants: [{ municipalityId: randers, role: "partner", councilId: null, partnershipId: partnership }],
  };
  const randersAdmin: Principal = {
    userId: "u10",
    name: "Randers admin",
    grants: [{ municipalityId: randers, role: "administrator", councilId: null }],
  };
  const partnershipActions: Action[] = ["partnership.read", "partnership.edit", "partnership.sign"];

  it("given a partner grant, when it meets its own partnership, then it may read, edit and sign — nothing more", () => {
    const own = { municipalityId: randers, partnershipId: partnership };
    for (const action of actions) expect(can(partner, action, own)).toBe(partnershipActions.includes(action));
  });

  it("given a partner grant, when it meets another partnership or any council, then it may do nothing", () => {
    for (const action of actions) {
      expect(can(partner, action, { municipalityId: randers, partnershipId: otherPartnership })).toBe(false);
      expect(can(partner, action, { municipalityId: randers, councilId: "c-randers" })).toBe(false);
      expect(can(partner, action, { municipalityId: randers })).toBe(false);
    }
    expect(internalCouncilScope(partner, randers)).toEqual({ all: false, councilIds: [] });
    expect(municipalitiesOf(partner)).toEqual([]);
    expect(partnershipsOf(partner)).toEqual([partnership]);
  });

  it("given a partnership across municipalities, then each partner municipality's administrator reaches it and no other", () => {
    const across = {
      municipalityId: randers,
      partnershipId: partnership,
      partnerMunicipalityIds: [broenderslev],
    };
    expect(can(randersAdmin, "partnership.edit", across)).toBe(true);
    expect(can(admin, "partnership.edit", across)).toBe(true);
    expect(can(admin, "partnership.edit", { municipalityId: randers, partnershipId: partnership })).toBe(
      false,
    );
    expect(can(secretary, "partnership.read", across)).toBe(false);
    expect(can(member, "partnership.read", across)).toBe(false);
  });

  it("given a partner grant without a partnership, then it reaches nothing", () => {
    const broken: Principal = {
      userId: "u11",
      name: "x",
      grants: [{ municipalityId: randers, role: "partner", councilId: null, partnershipId: null }],
    };
    expect(can(broken, "partnership.read", { municipalityId: randers, partnershipId: partnership })).toBe(
      false,
    );
  });
});
