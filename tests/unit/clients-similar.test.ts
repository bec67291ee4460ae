import { describe, expect, it } from "vitest";
import { personPhoneticWords, phoneticWords, stripNamePrefix } from "@/server/clients/rules/phonetic";
import { findSimilarClients, similarClientsPrefilter, type DupablePerson } from "@/server/clients/rules/similar";

describe("phonetic words", () => {
  it("gives the words of Lino's demo clients (welfare docs/specs/dupable_clients)", () => {
    const expected: [string, string, string][] = [
      ["Ausdemwald", "Alfons", "ASTMLT ALFNS"],
      ["Brecht", "Bernd", "PRKT PRNT"],
      ["Collard", "Charlotte", "KLRT XRLT"],
      ["Dobbelstein", "Dorothée", "TPLSTN TR0"],
      ["Dubois", "Robin", "TP RPN"],
      ["Emonts", "Daniel", "AMNTS TNL"],
      ["Emonts-Gast", "Erna", "AMNTS KST ARN"],
      ["Engels", "Edgar", "ANJLS ATKR"],
      ["Evers", "Eberhart", "AFRS APRRT"],
      ["Groteclaes", "Gregory", "KRTKLS KRKR"],
      ["Hilgers", "Hildegard", "HLKRS HLTKRT"],
      ["Jacobs", "Jacqueline", "JKPS JKLN"],
      ["Jeanémart", "Jérôme", "JNMRT JRM"],
      ["Jonas", "Josef", "JNS JSF"],
      ["Kaivers", "Karl", "KFRS KRL"],
      ["Keller", "Karl", "KLR KRL"],
      ["Lambertz", "Guido", "LMPRTS KT"],
      ["Lazarus", "Line", "LSRS LN"],
      ["Malmendier", "Marc", "MLMNT MRK"],
      ["Meessen", "Melissa", "MSN MLS"],
      ["Radermacher", "Christian", "RTRMKR KRSXN"],
      ["Radermacher", "Edgard", "RTRMKR ATKRT"],
      ["Radermecker", "Rik", "RTRMKR RK"],
      ["da Vinci", "David", "FNS TFT"],
      ["van Veen", "Vincent", "FN FNSNT"],
      ["Östges", "Otto", "ASTJS AT"],
    ];
    for (const [lastName, firstName, words] of expected) {
      expect(personPhoneticWords({ lastName, firstName }), `${lastName} ${firstName}`).toEqual(words.split(" "));
    }
  });

  it("strips one leading name prefix: two-word ones first", () => {
    expect(stripNamePrefix("van der Berg Jan")).toBe("BERG JAN");
    expect(stripNamePrefix("Van Den Bossche Luc")).toBe("BOSSCHE LUC");
    expect(stripNamePrefix("van de Velde")).toBe("VELDE");
    expect(stripNamePrefix("de la Fontaine Jean")).toBe("FONTAINE JEAN");
    expect(stripNamePrefix("In het Veld")).toBe("VELD");
    expect(stripNamePrefix("von der Heide")).toBe("HEIDE");
    expect(stripNamePrefix("De Smet Anne")).toBe("SMET ANNE");
    expect(stripNamePrefix("'t Kint Anna")).toBe("KINT ANNA");
    expect(stripNamePrefix("’t Kint Anna")).toBe("KINT ANNA");
    expect(stripNamePrefix("El Amrani Said")).toBe("AMRANI SAID");
    expect(stripNamePrefix("dos Santos Maria")).toBe("SANTOS MARIA");
  });

  it("keeps names that only start like a prefix", () => {
    expect(stripNamePrefix("Vandenberg Jan")).toBe("VANDENBERG JAN");
    expect(stripNamePrefix("Devos Marc")).toBe("DEVOS MARC");
    expect(stripNamePrefix("Demeulenaere Dorothée")).toBe("DEMEULENAERE DOROTHÉE");
    expect(stripNamePrefix("De")).toBe("DE");
  });

  it("splits on - , / & + and drops accents first (Ç reads as S)", () => {
    expect(phoneticWords("Dobbelstein-Demeulenaere Dorothée")).toEqual(["TPLSTN", "TMLNR", "TR0"]);
    expect(phoneticWords("Robin & Lisa/Dubois+Lahm, Xavier")).toEqual(["RPN", "LS", "TP", "LM", "SF"]);
    expect(phoneticWords("François")).toEqual(phoneticWords("Fransois"));
    expect(phoneticWords("Müller")).toEqual(phoneticWords("Muller"));
  });

  it("gives each word once and skips words without sound", () => {
    expect(phoneticWords("Karl Karl")).toEqual(["KRL"]);
    expect(phoneticWords("Dubois 2")).toEqual(["TP"]);
    expect(phoneticWords("")).toEqual([]);
  });
});

type Client = DupablePerson & { id: number };
const client = (id: number, lastName: string, firstName: string, over: Partial<Client> = {}): Client => ({
  id,
  lastName,
  firstName,
  nationalId: null,
  birthDate: null,
  ...over,
});
const ids = (found: { person: { id?: number } }[]) => found.map((f) => f.person.id);

describe("similar clients", () => {
  // The three accidental "Dorothée" duplicates of the demo (domain-people §20), without NISS or birth date.
  const dorothees = [
    client(122, "Demeulenaere", "Dorothée"),
    client(123, "Dobbelstein-Demeulenaere", "Dorothée"),
    client(124, "Dobbelstein", "Dorothée"),
  ];
  const demo = [
    ...dorothees,
    client(153, "Radermacher", "Alfons"),
    client(155, "Radermacher", "Christian"),
    client(173, "Radermecker", "Rik"),
    client(128, "Emonts", "Daniel"),
    client(152, "Emonts-Gast", "Erna"),
    client(141, "Kaivers", "Karl"),
    client(178, "Keller", "Karl"),
  ];

  it("finds the demo duplicates exactly as Lino's doctest shows them", () => {
    expect(ids(findSimilarClients(demo[0]!, demo))).toEqual([123]);
    expect(ids(findSimilarClients(demo[1]!, demo))).toEqual([122, 124]);
    expect(ids(findSimilarClients(demo[2]!, demo))).toEqual([123]);
    expect(findSimilarClients(demo[0]!, demo)[0]!.sharedWords).toEqual(["TMLNR", "TR0"]);
  });

  it("asks before creating a fourth Dorothée Dobbelstein", () => {
    const fresh: DupablePerson = { lastName: "Dobbelstein", firstName: "Dorothée", nationalId: null, birthDate: null };
    expect(ids(findSimilarClients(fresh, demo, 4))).toEqual([123, 124]);
  });

  it("needs two shared words: one shared last name or first name is not enough", () => {
    for (const c of demo.slice(3)) expect(findSimilarClients(c, demo), `${c.lastName} ${c.firstName}`).toEqual([]);
  });

  it("needs a shared last-name word, not only first names", () => {
    const paul = client(1, "Martin", "Paul Jean");
    const other = client(2, "Paul", "Martin Jean");
    expect(findSimilarClients(paul, [other])).toEqual([]);
    expect(ids(findSimilarClients(paul, [client(3, "Martin", "Jean Pierre")]))).toEqual([3]);
  });

  it("with a national id, looks only among clients without one", () => {
    const withId = client(1, "Dobbelstein", "Dorothée", { nationalId: "680601 053-29" });
    expect(
      ids(findSimilarClients(withId, [client(2, "Dobbelstein", "Dorothée", { nationalId: "700101 002-17" })])),
    ).toEqual([]);
    expect(ids(findSimilarClients(withId, [client(3, "Dobbelstein", "Dorothée")]))).toEqual([3]);
    const withoutId = client(4, "Dobbelstein", "Dorothée");
    expect(
      ids(findSimilarClients(withoutId, [client(2, "Dobbelstein", "Dorothée", { nationalId: "700101 002-17" })])),
    ).toEqual([2]);
  });

  it("with a birth date, looks only among clients with the same or no birth date (incomplete ones compared as stored)", () => {
    const born = client(1, "Dobbelstein", "Dorothée", { birthDate: "1970-05-12" });
    const others = [
      client(2, "Dobbelstein", "Dorothée", { birthDate: "1970-05-13" }),
      client(3, "Dobbelstein", "Dorothée", { birthDate: "1970-05-12" }),
      client(4, "Dobbelstein", "Dorothée"),
      client(5, "Dobbelstein", "Dorothée", { birthDate: "1970-00-00" }),
    ];
    expect(ids(findSimilarClients(born, others))).toEqual([3, 4]);
    expect(ids(findSimilarClients(client(6, "Dobbelstein", "Dorothée"), others))).toEqual([2, 3, 4, 5]);
  });

  it("orders by shared words, then id, skips the client itself and applies the limit last", () => {
    const c = client(10, "Emonts-Gast", "Erna");
    const others = [c, client(30, "Emonts", "Erna"), client(20, "Gast", "Erna Emonts"), client(25, "Emonts", "Gast")];
    const found = findSimilarClients(c, others);
    expect(ids(found)).toEqual([20, 25, 30]);
    expect(found.map((f) => f.sharedWords.length)).toEqual([3, 2, 2]);
    expect(ids(findSimilarClients(c, others, 1))).toEqual([20]);
  });

  it("uses the stored phonetic words of the others when given (the database's view)", () => {
    const stale = client(2, "Dobbelstein", "Dorothée", { phoneticWords: ["XXX", "TR0"] });
    expect(findSimilarClients(client(1, "Dobbelstein", "Dorothée"), [stale])).toEqual([]);
  });

  it("tells the database query what it can filter on first", () => {
    expect(similarClientsPrefilter(client(123, "Dobbelstein-Demeulenaere", "Dorothée"))).toEqual({
      words: ["TPLSTN", "TMLNR", "TR0"],
      excludeId: 123,
      withoutNationalId: false,
      birthDates: null,
    });
    expect(
      similarClientsPrefilter({
        lastName: "Jonas",
        firstName: "Josef",
        nationalId: "680601 053-29",
        birthDate: "1968-06-01",
      }),
    ).toEqual({
      words: ["JNS", "JSF"],
      excludeId: null,
      withoutNationalId: true,
      birthDates: [null, "1968-06-01"],
    });
  });
});
