/**
 * Builds the default document templates (`templates/<document type>/<lang>.docx`) from the text
 * below: minimal WordprocessingML zipped with pizzip, one run per paragraph or cell so that no tag
 * is ever split. Run `npx tsx scripts/build-templates.ts` after changing it and commit the .docx
 * files; the output is byte-for-byte the same on every run (fixed file dates).
 *
 * The tags each document type fills are listed in server/documents/types.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import PizZip from "pizzip";

type Lang = "fr" | "nl" | "de" | "en";
const LANGS: Lang[] = ["fr", "nl", "de", "en"];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Half-points, as Word counts them. */
  size?: number;
}
interface ParaStyle extends RunStyle {
  align?: "left" | "right" | "center";
  /** Left indent in twentieths of a point (the recipient's block sits in the window of the envelope). */
  indent?: number;
  spaceAfter?: number;
}

const run = (text: string, s: RunStyle = {}) =>
  `<w:r><w:rPr>${s.bold ? "<w:b/>" : ""}${s.italic ? "<w:i/>" : ""}${
    s.size ? `<w:sz w:val="${s.size}"/>` : ""
  }</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

const p = (text: string, s: ParaStyle = {}) =>
  `<w:p><w:pPr>${s.align ? `<w:jc w:val="${s.align}"/>` : ""}${s.indent ? `<w:ind w:left="${s.indent}"/>` : ""}<w:spacing w:after="${
    s.spaceAfter ?? 120
  }"/></w:pPr>${text ? run(text, s) : ""}</w:p>`;

const cell = (text: string, width: number, s: RunStyle = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${p(text, { ...s, spaceAfter: 40 })}</w:tc>`;

/** A table; a row's `height` (twentieths of a point) leaves room, e.g. to sign. */
const table = (widths: number[], rows: { cells: string[]; style?: RunStyle; height?: number }[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${[
    "top",
    "left",
    "bottom",
    "right",
    "insideH",
    "insideV",
  ]
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`)
    .join("")}</w:tblBorders></w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join("")}</w:tblGrid>${rows
    .map(
      (r) =>
        `<w:tr>${r.height ? `<w:trPr><w:trHeight w:val="${r.height}"/></w:trPr>` : ""}${r.cells
          .map((c, i) => cell(c, widths[i]!, r.style))
          .join("")}</w:tr>`,
    )
    .join("")}</w:tbl>`;

/** The namespaces of a picture (drawingML), declared on the root only by documents that show one. */
const PICTURE_NAMESPACES =
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"' +
  ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
  ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

const documentXml = (body: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"${
    body.some((b) => b.includes("<w:drawing>")) ? PICTURE_NAMESPACES : ""
  }><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/><w:sz w:val="21"/><w:lang w:val="fr-BE"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** Fixed dates: the same text gives the same bytes. */
const DATE = new Date("2026-01-01T00:00:00Z");

/**
 * A grey silhouette of 140 × 200 pixels (an eID card's photo size), as an 8-bit greyscale PNG: the
 * placeholder picture that printing replaces with the client's photo (server/documents/pictures.ts).
 */
function silhouettePng(): Buffer {
  const [w, h] = [140, 200];
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(w + 1); // filter byte 0, then one grey byte per pixel
    for (let x = 0; x < w; x++) {
      const head = (x - 70) ** 2 + (y - 78) ** 2 <= 36 ** 2;
      const shoulders = ((x - 70) / 64) ** 2 + ((y - 200) / 72) ** 2 <= 1;
      row[x + 1] = head || shoulders ? 0xb4 : 0xec;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The placeholder picture's relationship, from the document to its image. */
const PHOTO_RELATIONSHIP =
  '<Relationship Id="rIdPhoto" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/photo.png"/>';

/**
 * A paragraph holding the placeholder picture named `name` (its description, title and name, which
 * printing looks for), `cm` centimetres wide at the eID photo's proportions (140 × 200).
 */
const picture = (name: string, cm: number) => {
  const cx = Math.round(cm * 360000);
  const cy = Math.round((cx * 200) / 140);
  return `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="${name}" descr="${name}" title="${name}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="${name}" descr="${name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdPhoto"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
};

function docx(body: string[], lang: Lang): Buffer {
  const zip = new PizZip();
  const add = (name: string, text: string | Buffer) => zip.file(name, text, { date: DATE, createFolders: false });
  const withPicture = body.some((b) => b.includes("<w:drawing>"));
  add(
    "[Content_Types].xml",
    withPicture
      ? CONTENT_TYPES.replace(
          '<Default Extension="xml"',
          '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"',
        )
      : CONTENT_TYPES,
  );
  add("_rels/.rels", ROOT_RELS);
  add(
    "word/_rels/document.xml.rels",
    withPicture ? DOCUMENT_RELS.replace("</Relationships>", `${PHOTO_RELATIONSHIP}</Relationships>`) : DOCUMENT_RELS,
  );
  if (withPicture) add("word/media/photo.png", silhouettePng());
  add("word/styles.xml", STYLES.replace("fr-BE", `${lang}-BE`));
  add("word/document.xml", documentXml(body));
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE" }) as Buffer;
}

/** The centre's letterhead, on every document. */
const letterhead = () => [
  p("{centreName}", { bold: true, size: 26, spaceAfter: 0 }),
  p("{centreAddress}", { size: 18 }),
];

/** "(Translation)" above the title when the document is not in the centre's main language (§14.2). */
const translationLine = (word: string) => p(`{#translation}${word}{/translation}`, { italic: true, spaceAfter: 0 });

const TEXT: Record<Lang, Record<string, string>> = {
  fr: {
    translation: "(Traduction)",
    fileSheet: "Fiche du dossier",
    client: "Client",
    clientId: "N° de dossier",
    nationalId: "NISS",
    birthDate: "Date de naissance",
    gender: "Sexe",
    language: "Langue",
    address: "Adresse",
    phone: "Téléphone",
    gsm: "GSM",
    email: "E-mail",
    primaryCoach: "Assistant social référent",
    clientState: "État",
    coachings: "Accompagnements",
    start: "Depuis",
    end: "Jusqu'au",
    coach: "Intervenant",
    coachingType: "Service",
    noCoachings: "Aucun accompagnement.",
    printed: "Imprimé le {printedOn} par {author}.",
    ourRef: "Notre réf. : {ref}",
    placeDate: "{place}, le {date}",
    for: "Pour le CPAS,",
    delegation: "Le Secrétaire, par délégation,",
  },
  nl: {
    translation: "(Vertaling)",
    fileSheet: "Dossierfiche",
    client: "Cliënt",
    clientId: "Dossiernummer",
    nationalId: "INSZ",
    birthDate: "Geboortedatum",
    gender: "Geslacht",
    language: "Taal",
    address: "Adres",
    phone: "Telefoon",
    gsm: "Gsm",
    email: "E-mail",
    primaryCoach: "Referentie-maatschappelijk werker",
    clientState: "Toestand",
    coachings: "Begeleidingen",
    start: "Vanaf",
    end: "Tot",
    coach: "Begeleider",
    coachingType: "Dienst",
    noCoachings: "Geen begeleidingen.",
    printed: "Afgedrukt op {printedOn} door {author}.",
    ourRef: "Ons kenmerk: {ref}",
    placeDate: "{place}, {date}",
    for: "Voor het OCMW,",
    delegation: "De secretaris, bij delegatie,",
  },
  de: {
    translation: "(Übersetzung)",
    fileSheet: "Aktenblatt",
    client: "Klient",
    clientId: "Aktennummer",
    nationalId: "NISS",
    birthDate: "Geburtsdatum",
    gender: "Geschlecht",
    language: "Sprache",
    address: "Adresse",
    phone: "Telefon",
    gsm: "Handy",
    email: "E-Mail",
    primaryCoach: "Zuständiger Sozialarbeiter",
    clientState: "Zustand",
    coachings: "Begleitungen",
    start: "Ab",
    end: "Bis",
    coach: "Begleiter",
    coachingType: "Dienst",
    noCoachings: "Keine Begleitungen.",
    printed: "Gedruckt am {printedOn} von {author}.",
    ourRef: "Unser Zeichen: {ref}",
    placeDate: "{place}, den {date}",
    for: "Für das ÖSHZ,",
    delegation: "Der Sekretär, in Vertretung,",
  },
  en: {
    translation: "(Translation)",
    fileSheet: "File sheet",
    client: "Client",
    clientId: "File number",
    nationalId: "National ID",
    birthDate: "Birth date",
    gender: "Gender",
    language: "Language",
    address: "Address",
    phone: "Phone",
    gsm: "Mobile",
    email: "E-mail",
    primaryCoach: "Primary coach",
    clientState: "State",
    coachings: "Coachings",
    start: "From",
    end: "Until",
    coach: "Coach",
    coachingType: "Service",
    noCoachings: "No coachings.",
    printed: "Printed on {printedOn} by {author}.",
    ourRef: "Our ref.: {ref}",
    placeDate: "{place}, {date}",
    for: "For the PCSW,",
    delegation: "The secretary, by delegation,",
  },
};

/** The client's file sheet (Lino's `file_sheet.odt`): who the client is and who coaches them. */
function fileSheet(lang: Lang): string[] {
  const x = TEXT[lang];
  const field = (label: string, tag: string) => ({ cells: [label, `{${tag}}`] });
  return [
    ...letterhead(),
    translationLine(x.translation!),
    p(x.fileSheet!, { bold: true, size: 32, spaceAfter: 240 }),
    table(
      [3200, 6000],
      [
        field(x.client!, "clientName"),
        field(x.clientId!, "clientId"),
        field(x.nationalId!, "nationalId"),
        field(x.birthDate!, "birthDate"),
        field(x.gender!, "gender"),
        field(x.language!, "language"),
        field(x.address!, "address"),
        field(x.phone!, "phone"),
        field(x.gsm!, "gsm"),
        field(x.email!, "email"),
        field(x.primaryCoach!, "primaryCoach"),
        field(x.clientState!, "clientState"),
      ],
    ),
    p(x.coachings!, { bold: true, size: 24, spaceAfter: 120 }),
    table(
      [1800, 1800, 2800, 2800],
      [
        { cells: [x.start!, x.end!, x.coach!, x.coachingType!], style: { bold: true } },
        { cells: ["{#coachings}{start}", "{end}", "{coach}", "{type}{/coachings}"] },
      ],
    ),
    p(`{^coachings}${x.noCoachings}{/coachings}`, { italic: true }),
    p(x.printed!, { size: 16 }),
  ];
}

/** A general letter to a client (domain-people §14.1 default letter layout). */
function letter(lang: Lang): string[] {
  const x = TEXT[lang];
  return [
    ...letterhead(),
    // The recipient's block the Belgian way, in the envelope's window; left out when the type prints no recipient.
    p("{#printRecipient}", { spaceAfter: 0 }),
    p("{recipient}", { indent: 5200, spaceAfter: 360 }),
    p("{/printRecipient}", { spaceAfter: 0 }),
    p(x.placeDate!, { align: "right" }),
    p(x.ourRef!, { size: 18, spaceAfter: 240 }),
    translationLine(x.translation!),
    p("{subject}", { bold: true, size: 24, spaceAfter: 240 }),
    p("{body}", { spaceAfter: 360 }),
    p(x.for!, { indent: 5200, spaceAfter: 0 }),
    p(x.delegation!, { indent: 5200, spaceAfter: 480 }),
    p("{author}", { indent: 5200, spaceAfter: 0 }),
    p("{authorRole}", { indent: 5200 }),
  ];
}

/** The CV's own words (domain-integ-money §2.1: Lino's cv printout), kept apart from the other documents'. */
const CV_TEXT: Record<Lang, Record<string, string>> = {
  fr: {
    title: "Curriculum vitae",
    languages: "Langues",
    studies: "Études",
    trainings: "Formations",
    experiences: "Expériences professionnelles",
    period: "Période",
    what: "Intitulé",
    where: "Établissement",
    company: "Entreprise",
    function: "Fonction",
    none: "—",
  },
  nl: {
    title: "Curriculum vitae",
    languages: "Talen",
    studies: "Studies",
    trainings: "Opleidingen",
    experiences: "Werkervaring",
    period: "Periode",
    what: "Omschrijving",
    where: "Instelling",
    company: "Bedrijf",
    function: "Functie",
    none: "—",
  },
  de: {
    title: "Lebenslauf",
    languages: "Sprachen",
    studies: "Studien",
    trainings: "Ausbildungen",
    experiences: "Berufserfahrungen",
    period: "Zeitraum",
    what: "Bezeichnung",
    where: "Einrichtung",
    company: "Firma",
    function: "Funktion",
    none: "—",
  },
  en: {
    title: "Curriculum vitae",
    languages: "Languages",
    studies: "Studies",
    trainings: "Trainings",
    experiences: "Work experiences",
    period: "Period",
    what: "Title",
    where: "Establishment",
    company: "Company",
    function: "Function",
    none: "—",
  },
};

/** A client's CV: the client, their languages in their text form, studies, trainings and work experiences. */
function cv(lang: Lang): string[] {
  const x = CV_TEXT[lang];
  const section = (title: string, loop: string, heads: string[], tags: string[]) => [
    p(title, { bold: true, size: 24, spaceAfter: 120 }),
    table(
      [2200, 3600, 3400],
      [
        { cells: heads, style: { bold: true } },
        {
          cells: tags.map((tag, i) =>
            i === 0 ? `{#${loop}}{${tag}}` : i === tags.length - 1 ? `{${tag}}{/${loop}}` : `{${tag}}`,
          ),
        },
      ],
    ),
  ];
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p(x.title!, { bold: true, size: 32, spaceAfter: 120 }),
    p("{clientName}", { bold: true, spaceAfter: 0 }),
    p("{address}", { spaceAfter: 240 }),
    p(x.languages!, { bold: true, size: 24, spaceAfter: 120 }),
    p("{#languages}{text}{/languages}", { spaceAfter: 0 }),
    p(`{^languages}${x.none}{/languages}`, { spaceAfter: 240 }),
    ...section(x.studies!, "studies", [x.period!, x.what!, x.where!], ["period", "what", "where"]),
    ...section(x.trainings!, "trainings", [x.period!, x.what!, x.function!], ["period", "what", "function"]),
    ...section(x.experiences!, "experiences", [x.period!, x.company!, x.function!], ["period", "company", "function"]),
    p(TEXT[lang].printed!, { size: 16 }),
  ];
}

/** The presence certificate's own words (domain-people §11, Lino's "presence_certificate" body). */
const PRESENCE: Record<Lang, { title: string; body: string; placeDate: string; signature: string }> = {
  fr: {
    title: "Attestation de présence",
    body:
      "Nous certifions par la présente que {clientName} ({#hasNationalId}numéro de registre national {nationalId}, " +
      "{/hasNationalId}{address}) s’est présenté·e dans les locaux du centre {#today}aujourd’hui{/today}" +
      "{^today}le {date}{/today} entre {from} et {until} pour des raisons administratives.",
    placeDate: "{#place}{place}, {/place}le {printedOn}",
    signature: "Pour le CPAS,",
  },
  nl: {
    title: "Aanwezigheidsattest",
    body:
      "Hierbij verklaren wij dat {clientName} ({#hasNationalId}rijksregisternummer {nationalId}, {/hasNationalId}" +
      "{address}) {#today}vandaag{/today}{^today}op {date}{/today} tussen {from} en {until} uur om administratieve " +
      "redenen in de lokalen van het centrum aanwezig was.",
    placeDate: "{#place}{place}, {/place}{printedOn}",
    signature: "Voor het OCMW,",
  },
  de: {
    title: "Anwesenheitsbescheinigung",
    body:
      "Hiermit bescheinigen wir, dass {clientName} ({#hasNationalId}Nationalregisternummer {nationalId}, " +
      "{/hasNationalId}{address}) {#today}heute{/today}{^today}am {date}{/today} zwischen {from} und {until} Uhr " +
      "aus administrativen Gründen in den Räumlichkeiten des Zentrums anwesend war.",
    placeDate: "{#place}{place}, {/place}den {printedOn}",
    signature: "Für das ÖSHZ,",
  },
  en: {
    title: "Presence certificate",
    body:
      "We hereby certify that {clientName} ({#hasNationalId}national register number {nationalId}, " +
      "{/hasNationalId}{address}) was present in the centre {#today}today{/today}{^today}on {date}{/today} " +
      "between {from} and {until} for administrative reasons.",
    placeDate: "{#place}{place}, {/place}{printedOn}",
    signature: "For the PCSW,",
  },
};

/** The presence certificate of a visit (domain-people §11): who was in the centre, on which day, from when to when. */
function presenceCertificate(lang: Lang): string[] {
  const x = PRESENCE[lang];
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p(x.title, { bold: true, size: 32, spaceAfter: 360 }),
    p(x.body, { spaceAfter: 480 }),
    p(x.placeDate, { align: "right", spaceAfter: 480 }),
    p(x.signature, { indent: 5200, spaceAfter: 480 }),
    p("{author}", { indent: 5200, spaceAfter: 0 }),
  ];
}

/** The printed PIIS's own words (domain-integ-money §2.4: Lino Eupen's printed ISIP, laid out the same way). */
const PIIS: Record<Lang, Record<string, string>> = {
  fr: {
    title: "Projet individualisé d’intégration sociale n° {contractId}",
    period: "Durée : du {appliesFrom}{#hasUntil} au {appliesUntil}{/hasUntil}",
    between: "Entre :",
    pcsw: "d’une part, {centreName}, représenté par son président et son secrétaire,",
    asd: "{#hasAsd}l’assistant social du service social général, {asdName},{/hasAsd}",
    dsbe: "l’assistant social du service d’insertion socioprofessionnelle, {agentName},",
    person:
      "et d’autre part, le bénéficiaire, {clientName}{#birthDate}, né·e le {birthDate}{/birthDate}" +
      "{#nationalId}, NISS {nationalId}{/nationalId}{#address}, domicilié·e {address}{/address},",
    partnersToo: "{#partners}ainsi que {company}{#contact}, représenté par {contact}{/contact},{/partners}",
    agreed: "il est convenu ce qui suit.",
    goals: "Objectifs",
    stages: "Étapes",
    dutiesPcsw: "Engagements du CPAS",
    dutiesAsd: "Engagements du service social général",
    dutiesDsbe: "Engagements du service d’insertion socioprofessionnelle",
    dutiesPerson: "Engagements du bénéficiaire",
    partners: "Partenaires et leurs engagements",
    evaluation: "Évaluation",
    evaluationText:
      "Le présent projet est évalué régulièrement avec le bénéficiaire{#examPolicy} ({examPolicy}){/examPolicy}.",
    consent: "Échange d’informations",
    consentText:
      "Le bénéficiaire accepte que les informations nécessaires à la réalisation du présent projet soient " +
      "échangées entre le CPAS et les partenaires mentionnés ci-dessus.",
    sanctions: "Sanctions",
    sanctionsText:
      "Le non-respect, sans motif légitime, des engagements du présent projet peut entraîner la suspension du " +
      "revenu d’intégration (article 30, § 2, de la loi du 26 mai 2002 concernant le droit à l’intégration sociale).",
    none: "—",
    noPartners: "Aucun partenaire.",
    done: "Fait en deux exemplaires{#place} à {place}{/place}, le {printedOn}.",
    signPerson: "Le bénéficiaire",
    signAgent: "L’assistant social",
    signPcsw: "Pour le CPAS, le secrétaire et le président",
  },
  nl: {
    title: "Geïndividualiseerd project voor maatschappelijke integratie nr. {contractId}",
    period: "Looptijd: van {appliesFrom}{#hasUntil} tot {appliesUntil}{/hasUntil}",
    between: "Tussen:",
    pcsw: "enerzijds {centreName}, vertegenwoordigd door zijn voorzitter en zijn secretaris,",
    asd: "{#hasAsd}de maatschappelijk werker van de algemene sociale dienst, {asdName},{/hasAsd}",
    dsbe: "de maatschappelijk werker van de dienst socio-professionele inschakeling, {agentName},",
    person:
      "en anderzijds de begunstigde, {clientName}{#birthDate}, geboren op {birthDate}{/birthDate}" +
      "{#nationalId}, INSZ {nationalId}{/nationalId}{#address}, wonende te {address}{/address},",
    partnersToo: "{#partners}alsook {company}{#contact}, vertegenwoordigd door {contact}{/contact},{/partners}",
    agreed: "wordt het volgende overeengekomen.",
    goals: "Doelstellingen",
    stages: "Etappes",
    dutiesPcsw: "Verbintenissen van het OCMW",
    dutiesAsd: "Verbintenissen van de algemene sociale dienst",
    dutiesDsbe: "Verbintenissen van de dienst socio-professionele inschakeling",
    dutiesPerson: "Verbintenissen van de begunstigde",
    partners: "Partners en hun verbintenissen",
    evaluation: "Evaluatie",
    evaluationText:
      "Dit project wordt regelmatig met de begunstigde geëvalueerd{#examPolicy} ({examPolicy}){/examPolicy}.",
    consent: "Uitwisseling van gegevens",
    consentText:
      "De begunstigde stemt ermee in dat de gegevens die nodig zijn voor de uitvoering van dit project worden " +
      "uitgewisseld tussen het OCMW en de hierboven vermelde partners.",
    sanctions: "Sancties",
    sanctionsText:
      "Het niet nakomen van de verbintenissen van dit project zonder wettige reden kan leiden tot de schorsing " +
      "van het leefloon (artikel 30, § 2, van de wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie).",
    none: "—",
    noPartners: "Geen partners.",
    done: "Opgemaakt in twee exemplaren{#place} te {place}{/place}, op {printedOn}.",
    signPerson: "De begunstigde",
    signAgent: "De maatschappelijk werker",
    signPcsw: "Voor het OCMW, de secretaris en de voorzitter",
  },
  de: {
    title: "Vertrag zur sozialen Eingliederung Nr. {contractId}",
    period: "Laufzeit: vom {appliesFrom}{#hasUntil} bis zum {appliesUntil}{/hasUntil}",
    between: "Zwischen:",
    pcsw: "einerseits dem {centreName}, vertreten durch den Präsidenten und den Sekretär,",
    asd: "{#hasAsd}dem Sozialarbeiter des allgemeinen Sozialdienstes, {asdName},{/hasAsd}",
    dsbe: "dem Sozialarbeiter des Dienstes für sozial-berufliche Eingliederung (DSBE), {agentName},",
    person:
      "und andererseits dem Begünstigten, {clientName}{#birthDate}, geboren am {birthDate}{/birthDate}" +
      "{#nationalId}, NISS {nationalId}{/nationalId}{#address}, wohnhaft {address}{/address},",
    partnersToo: "{#partners}sowie {company}{#contact}, vertreten durch {contact}{/contact},{/partners}",
    agreed: "wird Folgendes vereinbart.",
    goals: "Ziele",
    stages: "Etappen",
    dutiesPcsw: "Verpflichtungen des ÖSHZ",
    dutiesAsd: "Verpflichtungen des allgemeinen Sozialdienstes",
    dutiesDsbe: "Verpflichtungen des DSBE",
    dutiesPerson: "Verpflichtungen des Begünstigten",
    partners: "Partner und ihre Verpflichtungen",
    evaluation: "Auswertung",
    evaluationText:
      "Dieser Vertrag wird regelmäßig mit dem Begünstigten ausgewertet{#examPolicy} ({examPolicy}){/examPolicy}.",
    consent: "Austausch von Informationen",
    consentText:
      "Der Begünstigte ist damit einverstanden, dass die zur Durchführung dieses Vertrags notwendigen " +
      "Informationen zwischen dem ÖSHZ und den oben genannten Partnern ausgetauscht werden.",
    sanctions: "Sanktionen",
    sanctionsText:
      "Die Nichteinhaltung der in diesem Vertrag eingegangenen Verpflichtungen ohne triftigen Grund kann zur " +
      "Aussetzung des Eingliederungseinkommens führen (Artikel 30 § 2 des Gesetzes vom 26. Mai 2002 über das " +
      "Recht auf soziale Eingliederung).",
    none: "—",
    noPartners: "Keine Partner.",
    done: "Ausgefertigt in zwei Exemplaren{#place} in {place}{/place}, den {printedOn}.",
    signPerson: "Der Begünstigte",
    signAgent: "Der Sozialarbeiter",
    signPcsw: "Für das ÖSHZ, der Sekretär und der Präsident",
  },
  en: {
    title: "Individualised social integration project no. {contractId}",
    period: "Period: from {appliesFrom}{#hasUntil} until {appliesUntil}{/hasUntil}",
    between: "Between:",
    pcsw: "on the one hand, {centreName}, represented by its president and its secretary,",
    asd: "{#hasAsd}the social worker of the general social service, {asdName},{/hasAsd}",
    dsbe: "the social worker of the socio-professional integration service, {agentName},",
    person:
      "and on the other hand, the beneficiary, {clientName}{#birthDate}, born on {birthDate}{/birthDate}" +
      "{#nationalId}, national ID {nationalId}{/nationalId}{#address}, living at {address}{/address},",
    partnersToo: "{#partners}and {company}{#contact}, represented by {contact}{/contact},{/partners}",
    agreed: "the following is agreed.",
    goals: "Goals",
    stages: "Stages",
    dutiesPcsw: "Duties of the PCSW",
    dutiesAsd: "Duties of the general social service",
    dutiesDsbe: "Duties of the integration service",
    dutiesPerson: "Duties of the beneficiary",
    partners: "Partners and their duties",
    evaluation: "Evaluation",
    evaluationText:
      "This project is evaluated regularly with the beneficiary{#examPolicy} ({examPolicy}){/examPolicy}.",
    consent: "Sharing of information",
    consentText:
      "The beneficiary agrees that the information needed to carry out this project is shared between the " +
      "PCSW and the partners named above.",
    sanctions: "Sanctions",
    sanctionsText:
      "Failing, without a legitimate reason, to meet the duties of this project may lead to the suspension of " +
      "the integration income (article 30, § 2, of the law of 26 May 2002 on the right to social integration).",
    none: "—",
    noPartners: "No partners.",
    done: "Made in two copies{#place} in {place}{/place}, on {printedOn}.",
    signPerson: "The beneficiary",
    signAgent: "The social worker",
    signPcsw: "For the PCSW, the secretary and the president",
  },
};

/**
 * The printed PIIS (§2.4): title with the contract's number and type, period, the parties (the
 * PCSW, the GSS worker if any, the integration worker, the beneficiary, the partners), goals,
 * stages, the duties of the PCSW, of the GSS (if any), of the integration service and of the
 * person, each partner with its duties, the evaluation clause naming the exam policy, the
 * data-sharing consent, sanctions, place and date, signatures. Each rich text is a paragraph
 * loop (`{#goals}` / `{text}` / `{/goals}`, each tag alone in its paragraph), "—" when it is empty.
 */
function isipContract(lang: Lang): string[] {
  const x = PIIS[lang];
  const heading = (text: string) => p(text, { bold: true, size: 24, spaceAfter: 80 });
  // One paragraph of the document per paragraph of the rich text (paragraph loop), "—" when it is empty.
  const rich = (tag: string) => [
    p(`{#${tag}}`, { spaceAfter: 0 }),
    p("{text}"),
    p(`{/${tag}}`, { spaceAfter: 0 }),
    p(`{^${tag}}${x.none}{/${tag}}`),
  ];
  const section = (title: string, tag: string) => [heading(title), ...rich(tag)];
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p(x.title!, { bold: true, size: 30, spaceAfter: 60 }),
    p("{contractTitle}", { bold: true, spaceAfter: 60 }),
    p(x.period!, { spaceAfter: 240 }),
    p(x.between!, { bold: true }),
    p(x.pcsw!, { spaceAfter: 40 }),
    p(x.asd!, { spaceAfter: 40 }),
    p(x.dsbe!, { spaceAfter: 40 }),
    p(x.person!, { spaceAfter: 40 }),
    p(x.partnersToo!, { spaceAfter: 40 }),
    p(x.agreed!, { spaceAfter: 240 }),
    ...section(x.goals!, "goals"),
    ...section(x.stages!, "stages"),
    ...section(x.dutiesPcsw!, "dutiesPcsw"),
    p("{#hasAsd}", { spaceAfter: 0 }),
    ...section(x.dutiesAsd!, "dutiesAsd"),
    p("{/hasAsd}", { spaceAfter: 0 }),
    ...section(x.dutiesDsbe!, "dutiesDsbe"),
    ...section(x.dutiesPerson!, "dutiesPerson"),
    heading(x.partners!),
    p("{#partners}", { spaceAfter: 0 }),
    p("{company}{#contact} ({contact}){/contact}", { bold: true, spaceAfter: 40 }),
    p("{#duties}", { spaceAfter: 0 }),
    p("{text}"),
    p("{/duties}", { spaceAfter: 0 }),
    p(`{^duties}${x.none}{/duties}`),
    p("{/partners}", { spaceAfter: 0 }),
    p(`{^partners}${x.noPartners}{/partners}`),
    heading(x.evaluation!),
    p(x.evaluationText!),
    heading(x.consent!),
    p(x.consentText!),
    heading(x.sanctions!),
    p(x.sanctionsText!, { spaceAfter: 240 }),
    p(x.done!, { spaceAfter: 360 }),
    table(
      [3100, 3100, 3100],
      [
        { cells: [x.signPerson!, x.signAgent!, x.signPcsw!], style: { bold: true } },
        { cells: ["", "", ""], height: 1400 },
        { cells: ["{clientName}", "{agentName}", ""] },
      ],
    ),
  ];
}

/** The Art. 61 convention's frame (domain-integ-money §2.6, Lino's art61 contract body); its articles are data. */
const CONVENTION: Record<
  Lang,
  {
    parties: string;
    pcsw: string;
    employer: string;
    contact: string;
    worker: string;
    signPcsw: string;
    signEmployer: string;
    signWorker: string;
  }
> = {
  fr: {
    parties: "Entre les soussignés :",
    pcsw: "d'une part, {centreName}, ci-après dénommé « le CPAS » ;",
    employer:
      "d'autre part, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}, ci-après dénommé « l'employeur »",
    contact: "{#contact}, représenté par {contact}{/contact} ;",
    worker: "et {clientName}{#clientAddress}, {clientAddress}{/clientAddress}, ci-après dénommé « le travailleur ».",
    signPcsw: "Pour le CPAS,",
    signEmployer: "Pour l'employeur,",
    signWorker: "Le travailleur,",
  },
  nl: {
    parties: "Tussen de ondergetekenden:",
    pcsw: "enerzijds, {centreName}, hierna « het OCMW » genoemd;",
    employer:
      "anderzijds, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}, hierna « de werkgever » genoemd",
    contact: "{#contact}, vertegenwoordigd door {contact}{/contact};",
    worker: "en {clientName}{#clientAddress}, {clientAddress}{/clientAddress}, hierna « de werknemer » genoemd.",
    signPcsw: "Voor het OCMW,",
    signEmployer: "Voor de werkgever,",
    signWorker: "De werknemer,",
  },
  de: {
    parties: "Zwischen den Unterzeichnenden:",
    pcsw: "einerseits {centreName}, nachstehend „das ÖSHZ“ genannt;",
    employer:
      "andererseits {companyName}{#companyAddress}, {companyAddress}{/companyAddress}, nachstehend „der Arbeitgeber“ genannt",
    contact: "{#contact}, vertreten durch {contact}{/contact};",
    worker:
      "und {clientName}{#clientAddress}, {clientAddress}{/clientAddress}, nachstehend „der Arbeitnehmer“ genannt.",
    signPcsw: "Für das ÖSHZ,",
    signEmployer: "Für den Arbeitgeber,",
    signWorker: "Der Arbeitnehmer,",
  },
  en: {
    parties: "Between the undersigned:",
    pcsw: "on the one hand, {centreName}, hereinafter “the PCSW”;",
    employer:
      "on the other hand, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}, hereinafter “the employer”",
    contact: "{#contact}, represented by {contact}{/contact};",
    worker: "and {clientName}{#clientAddress}, {clientAddress}{/clientAddress}, hereinafter “the worker”.",
    signPcsw: "For the PCSW,",
    signEmployer: "For the employer,",
    signWorker: "The worker,",
  },
};

/** An Art. 61 contract's convention: title, subsidies, our reference, the parties, the numbered articles, signatures. */
function art61Convention(lang: Lang): string[] {
  const x = CONVENTION[lang];
  return [
    ...letterhead(),
    p(TEXT[lang].ourRef!, { size: 18, spaceAfter: 240 }),
    translationLine(TEXT[lang].translation!),
    p("{title}", { bold: true, size: 32, align: "center", spaceAfter: 60 }),
    p("{headline}", { bold: true, align: "center", spaceAfter: 360 }),
    p(x.parties),
    p(x.pcsw),
    // The employer's line and its representative in one paragraph: two runs, no tag split between them.
    `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${run(x.employer)}${run(x.contact)}</w:p>`,
    p(x.worker, { spaceAfter: 360 }),
    p("{#articles}", { spaceAfter: 0 }),
    p("{heading}", { bold: true, spaceAfter: 120 }),
    p("{#paragraphs}", { spaceAfter: 0 }),
    p("{paragraph}"),
    p("{/paragraphs}", { spaceAfter: 0 }),
    p("{/articles}", { spaceAfter: 0 }),
    table(
      [3100, 3100, 3100],
      [
        { cells: [x.signPcsw, x.signEmployer, x.signWorker], style: { bold: true } },
        { cells: ["{author}", "{contact}", "{clientName}"] },
      ],
    ),
  ];
}

/** The eID sheet's words (domain-people §7; the labels of Lino's eid-content.odt). */
const EID: Record<Lang, Record<string, string>> = {
  fr: {
    title: "Contenu de la carte eID",
    cardType: "Type de document",
    cardNumber: "Numéro de carte",
    validFrom: "Valable du",
    validUntil: "Valable jusqu'au",
    nationalId: "Numéro de registre national",
    noble: "Titre de noblesse",
    lastName: "Nom",
    firstName: "Prénoms",
    nationality: "Nationalité",
    gender: "Sexe",
    birthDate: "Date de naissance",
    birthPlace: "Lieu de naissance",
    address: "Adresse",
    issuer: "Commune de délivrance",
    noCard: "Aucune carte eID n'a encore été lue pour ce client.",
  },
  nl: {
    title: "Inhoud van de eID-kaart",
    cardType: "Documenttype",
    cardNumber: "Kaartnummer",
    validFrom: "Geldig van",
    validUntil: "Geldig tot",
    nationalId: "Rijksregisternummer",
    noble: "Adellijke titel",
    lastName: "Naam",
    firstName: "Voornamen",
    nationality: "Nationaliteit",
    gender: "Geslacht",
    birthDate: "Geboortedatum",
    birthPlace: "Geboorteplaats",
    address: "Adres",
    issuer: "Gemeente van afgifte",
    noCard: "Voor deze cliënt werd nog geen eID-kaart gelezen.",
  },
  de: {
    title: "Inhalt der eID-Karte",
    cardType: "Dokumententyp",
    cardNumber: "Kartennummer",
    validFrom: "Gültig von",
    validUntil: "Gültig bis",
    nationalId: "Nationalregisternummer",
    noble: "Adelstitel",
    lastName: "Name",
    firstName: "Vornamen",
    nationality: "Nationalität",
    gender: "Geschlecht",
    birthDate: "Geburtsdatum",
    birthPlace: "Geburtsort",
    address: "Adresse",
    issuer: "Ausstellende Gemeinde",
    noCard: "Für diesen Klienten wurde noch keine eID-Karte gelesen.",
  },
  en: {
    title: "eID card content",
    cardType: "Document type",
    cardNumber: "Card number",
    validFrom: "Valid from",
    validUntil: "Valid until",
    nationalId: "National register number",
    noble: "Noble title",
    lastName: "Last name",
    firstName: "First names",
    nationality: "Nationality",
    gender: "Gender",
    birthDate: "Birth date",
    birthPlace: "Birth place",
    address: "Address",
    issuer: "Issuing municipality",
    noCard: "No eID card has been read for this client yet.",
  },
};

/** The client's eID card as read: type, number, validity, holder, address, issuing municipality. */
function eidSheet(lang: Lang): string[] {
  const x = EID[lang];
  const field = (label: string, tag: string) => ({ cells: [label, `{${tag}}`] });
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p(x.title!, { bold: true, size: 32, spaceAfter: 120 }),
    p("{clientName}", { bold: true, spaceAfter: 240 }),
    p("{#hasCard}", { spaceAfter: 0 }),
    // The card's photo (the client's photo as read); printing takes it out when there is none.
    picture("eidPhoto", 3),
    table(
      [3600, 5600],
      [
        field(x.cardType!, "cardType"),
        field(x.cardNumber!, "cardNumber"),
        field(x.validFrom!, "cardValidFrom"),
        field(x.validUntil!, "cardValidUntil"),
        field(x.nationalId!, "nationalId"),
        field(x.noble!, "nobleCondition"),
        field(x.lastName!, "lastName"),
        field(x.firstName!, "firstName"),
        field(x.nationality!, "nationality"),
        field(x.gender!, "gender"),
        field(x.birthDate!, "birthDate"),
        field(x.birthPlace!, "birthPlace"),
        field(x.address!, "address"),
        field(x.issuer!, "cardIssuer"),
      ],
    ),
    p("{/hasCard}", { spaceAfter: 0 }),
    p(`{^hasCard}${x.noCard}{/hasCard}`, { italic: true }),
    p(TEXT[lang].printed!, { size: 16 }),
  ];
}

/** The words of the letters to an organisation and of the action plan. */
const LETTERS: Record<Lang, Record<string, string>> = {
  fr: {
    concerning: "Concerne : {clientName}{#nationalId}, NISS {nationalId}{/nationalId}",
    salutation: "Madame, Monsieur,",
    task: "Tâche",
    due: "Échéance",
    state: "État",
    noTasks: "Aucune tâche.",
    contact: "Votre personne de contact :",
  },
  nl: {
    concerning: "Betreft: {clientName}{#nationalId}, INSZ {nationalId}{/nationalId}",
    salutation: "Geachte mevrouw, geachte heer,",
    task: "Taak",
    due: "Vervaldatum",
    state: "Toestand",
    noTasks: "Geen taken.",
    contact: "Uw contactpersoon:",
  },
  de: {
    concerning: "Betrifft: {clientName}{#nationalId}, NISS {nationalId}{/nationalId}",
    salutation: "Sehr geehrte Damen und Herren,",
    task: "Aufgabe",
    due: "Fällig am",
    state: "Zustand",
    noTasks: "Keine Aufgaben.",
    contact: "Ihr Ansprechpartner:",
  },
  en: {
    concerning: "Concerning: {clientName}{#nationalId}, national register number {nationalId}{/nationalId}",
    salutation: "Dear Sir or Madam,",
    task: "Task",
    due: "Due",
    state: "State",
    noTasks: "No tasks.",
    contact: "Your contact person:",
  },
};

/** The head every letter shares: the recipient's block in the window, place and date, our reference. */
const letterHead = (lang: Lang) => [
  ...letterhead(),
  p("{#printRecipient}", { spaceAfter: 0 }),
  p("{recipient}", { indent: 5200, spaceAfter: 360 }),
  p("{/printRecipient}", { spaceAfter: 0 }),
  p(TEXT[lang].placeDate!, { align: "right" }),
  p(TEXT[lang].ourRef!, { size: 18, spaceAfter: 240 }),
  translationLine(TEXT[lang].translation!),
];

/** A letter from a client's file to an organisation and its contact person, about the client (§14.1). */
function organisationLetter(lang: Lang): string[] {
  const x = TEXT[lang];
  const y = LETTERS[lang];
  return [
    ...letterHead(lang),
    p("{subject}", { bold: true, size: 24, spaceAfter: 120 }),
    p(y.concerning!, { spaceAfter: 240 }),
    p(y.salutation!, { spaceAfter: 240 }),
    p("{body}", { spaceAfter: 360 }),
    p(x.for!, { indent: 5200, spaceAfter: 0 }),
    p(x.delegation!, { indent: 5200, spaceAfter: 480 }),
    p("{author}", { indent: 5200, spaceAfter: 0 }),
    p("{authorRole}", { indent: 5200 }),
  ];
}

/** The action plan (Lino Eupen's Default.odt with the pac body): the client's tasks, then their contact person. */
function actionPlan(lang: Lang): string[] {
  const y = LETTERS[lang];
  return [
    ...letterHead(lang),
    p("{subject}", { bold: true, size: 24, spaceAfter: 240 }),
    table(
      [4800, 2000, 2400],
      [
        { cells: [y.task!, y.due!, y.state!], style: { bold: true } },
        { cells: ["{#tasks}{summary}", "{due}", "{state}{/tasks}"] },
      ],
    ),
    p(`{^tasks}${y.noTasks}{/tasks}`, { italic: true, spaceAfter: 360 }),
    p(y.contact!, { spaceAfter: 0 }),
    p("{author}", { bold: true, spaceAfter: 0 }),
    p("{authorRole}"),
  ];
}

/** A poll response's answer sheet (domain-integ-money §2.11). */
const POLL: Record<Lang, Record<string, string>> = {
  fr: {
    title: "Réponses au questionnaire",
    client: "Client",
    date: "Date",
    interviewer: "Intervenant",
    state: "État",
    question: "Question",
    answer: "Réponse",
    remark: "Remarque",
  },
  nl: {
    title: "Antwoorden op de vragenlijst",
    client: "Cliënt",
    date: "Datum",
    interviewer: "Begeleider",
    state: "Toestand",
    question: "Vraag",
    answer: "Antwoord",
    remark: "Opmerking",
  },
  de: {
    title: "Antworten auf die Umfrage",
    client: "Klient",
    date: "Datum",
    interviewer: "Begleiter",
    state: "Zustand",
    question: "Frage",
    answer: "Antwort",
    remark: "Bemerkung",
  },
  en: {
    title: "Poll answers",
    client: "Client",
    date: "Date",
    interviewer: "Interviewer",
    state: "State",
    question: "Question",
    answer: "Answer",
    remark: "Remark",
  },
};

/** The answer sheet: the poll, who answered when with whom, then each question with the choices given and the remark. */
function pollAnswers(lang: Lang): string[] {
  const x = POLL[lang];
  const field = (label: string, tag: string) => ({ cells: [label, `{${tag}}`] });
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p(x.title!, { bold: true, size: 32, spaceAfter: 120 }),
    p("{poll}", { bold: true, size: 24, spaceAfter: 240 }),
    table(
      [3000, 6200],
      [
        field(x.client!, "clientName"),
        field(x.date!, "date"),
        field(x.interviewer!, "interviewer"),
        field(x.state!, "state"),
      ],
    ),
    p("{remark}", { spaceAfter: 240 }),
    table(
      [600, 4400, 2200, 2000],
      [
        { cells: ["", x.question!, x.answer!, x.remark!], style: { bold: true } },
        { cells: ["{#questions}{number}", "{title}", "{answer}", "{comment}{/questions}"] },
      ],
    ),
    p(TEXT[lang].printed!, { size: 16 }),
  ];
}

/** The Training report's own words (domain-integ-money §2.10: Lino's esf ClientSummary print). */
const ESF: Record<Lang, Record<string, string>> = {
  fr: {
    title: "Rapport de formation",
    client: "Bénéficiaire",
    year: "Année",
    field: "Champ statistique FSE",
    hours: "Heures",
    total: "Total",
    situation: "Situation",
    educationLevel: "Niveau d'études",
    children: "Enfants à charge",
    handicap: "Handicap reconnu",
    other: "Autre difficulté",
    result: "Résultat (attestation de participation)",
    remark: "Remarque",
  },
  nl: {
    title: "Opleidingsverslag",
    client: "Cliënt",
    year: "Jaar",
    field: "Statistisch ESF-veld",
    hours: "Uren",
    total: "Totaal",
    situation: "Situatie",
    educationLevel: "Opleidingsniveau",
    children: "Kinderen ten laste",
    handicap: "Erkende handicap",
    other: "Andere moeilijkheid",
    result: "Resultaat (deelnameattest)",
    remark: "Opmerking",
  },
  de: {
    title: "Ausbildungsbericht",
    client: "Klient",
    year: "Jahr",
    field: "Statistisches ESF-Feld",
    hours: "Stunden",
    total: "Insgesamt",
    situation: "Situation",
    educationLevel: "Ausbildungsniveau",
    children: "Kinder zu Lasten",
    handicap: "Anerkannte Behinderung",
    other: "Andere Schwierigkeit",
    result: "Ergebnis (Teilnahmebescheinigung)",
    remark: "Bemerkung",
  },
  en: {
    title: "Training report",
    client: "Client",
    year: "Year",
    field: "ESF statistical field",
    hours: "Hours",
    total: "Total",
    situation: "Situation",
    educationLevel: "Education level",
    children: "Children at charge",
    handicap: "Certified handicap",
    other: "Other difficulty",
    result: "Result (participation certificate)",
    remark: "Remark",
  },
};

/** The Training report: the client and year, each statistical field's hours and their total, the situation, result and remark. */
function esfTrainingReport(lang: Lang): string[] {
  const x = ESF[lang];
  const field = (label: string, tag: string) => ({ cells: [label, `{${tag}}`] });
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p(x.title!, { bold: true, size: 32, spaceAfter: 240 }),
    table([3000, 6200], [field(x.client!, "clientName"), field(x.year!, "year")]),
    p("", { spaceAfter: 120 }),
    table(
      [7200, 2000],
      [
        { cells: [x.field!, x.hours!], style: { bold: true } },
        { cells: ["{#fields}{label}", "{hours}{/fields}"] },
        { cells: [x.total!, "{totalHours}"], style: { bold: true } },
      ],
    ),
    p("", { spaceAfter: 120 }),
    p(x.situation!, { bold: true, size: 24, spaceAfter: 120 }),
    table(
      [4600, 4600],
      [
        field(x.educationLevel!, "educationLevel"),
        field(x.children!, "childrenAtCharge"),
        field(x.handicap!, "certifiedHandicap"),
        field(x.other!, "otherDifficulty"),
        field(x.result!, "result"),
      ],
    ),
    p("", { spaceAfter: 120 }),
    p(`${x.remark!}: {remark}`, { spaceAfter: 240 }),
    p(TEXT[lang].printed!, { size: 16 }),
  ];
}

const DOCUMENTS: Record<string, (lang: Lang) => string[]> = {
  fileSheet,
  letter,
  cv,
  presenceCertificate,
  isipContract,
  art61Convention,
  eidSheet,
  organisationLetter,
  actionPlan,
  pollAnswers,
  esfTrainingReport,
};

const root = path.join(import.meta.dirname, "..", "templates");
for (const [type, build] of Object.entries(DOCUMENTS)) {
  mkdirSync(path.join(root, type), { recursive: true });
  for (const lang of LANGS) writeFileSync(path.join(root, type, `${lang}.docx`), docx(build(lang), lang));
}
console.log(`templates written to ${root}`);
