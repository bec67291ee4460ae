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
    pcsw: "d’une part, {centreName}, représenté par {#hasSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{#bothSigners} et {/bothSigners}{#signer1}{signer1}, {signer1FunctionBy}{/signer1}{/hasSigners}{^hasSigners}son président et son secrétaire{/hasSigners},",
    asd: "{#hasAsd}l’assistant social du service social général, {asdName},{/hasAsd}",
    dsbe: "l’assistant social du service d’insertion socioprofessionnelle, {agentName},",
    person:
      "et d’autre part, le bénéficiaire, {clientName}{#birthDate}, né·e le {birthDate}{/birthDate}" +
      "{#nationalId}, NISS {nationalId}{/nationalId}{#address}, domicilié·e {address}{/address},",
    partnersToo: "{#partners}ainsi que {company}{#contact}, représenté par {contact}{/contact}, {/partners}",
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
    signPcsw: "Pour le CPAS, {signer1Function}",
  },
  nl: {
    title: "Geïndividualiseerd project voor maatschappelijke integratie nr. {contractId}",
    period: "Looptijd: van {appliesFrom}{#hasUntil} tot {appliesUntil}{/hasUntil}",
    between: "Tussen:",
    pcsw: "enerzijds {centreName}, vertegenwoordigd door {#hasSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{#bothSigners} en {/bothSigners}{#signer1}{signer1}, {signer1FunctionBy}{/signer1}{/hasSigners}{^hasSigners}zijn voorzitter en zijn secretaris{/hasSigners},",
    asd: "{#hasAsd}de maatschappelijk werker van de algemene sociale dienst, {asdName},{/hasAsd}",
    dsbe: "de maatschappelijk werker van de dienst socio-professionele inschakeling, {agentName},",
    person:
      "en anderzijds de begunstigde, {clientName}{#birthDate}, geboren op {birthDate}{/birthDate}" +
      "{#nationalId}, INSZ {nationalId}{/nationalId}{#address}, wonende te {address}{/address},",
    partnersToo: "{#partners}alsook {company}{#contact}, vertegenwoordigd door {contact}{/contact}, {/partners}",
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
    signPcsw: "Voor het OCMW, {signer1Function}",
  },
  de: {
    title: "Vertrag zur sozialen Eingliederung Nr. {contractId}",
    period: "Laufzeit: vom {appliesFrom}{#hasUntil} bis zum {appliesUntil}{/hasUntil}",
    between: "Zwischen:",
    pcsw: "einerseits dem {centreName}, vertreten durch {#hasSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{#bothSigners} und {/bothSigners}{#signer1}{signer1}, {signer1FunctionBy}{/signer1}{/hasSigners}{^hasSigners}den Präsidenten und den Sekretär{/hasSigners},",
    asd: "{#hasAsd}dem Sozialarbeiter des allgemeinen Sozialdienstes, {asdName},{/hasAsd}",
    dsbe: "dem Sozialarbeiter des Dienstes für sozial-berufliche Eingliederung (DSBE), {agentName},",
    person:
      "und andererseits dem Begünstigten, {clientName}{#birthDate}, geboren am {birthDate}{/birthDate}" +
      "{#nationalId}, NISS {nationalId}{/nationalId}{#address}, wohnhaft {address}{/address},",
    partnersToo: "{#partners}sowie {company}{#contact}, vertreten durch {contact}{/contact}, {/partners}",
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
    signPcsw: "Für das ÖSHZ, {signer1Function}",
  },
  en: {
    title: "Individualised social integration project no. {contractId}",
    period: "Period: from {appliesFrom}{#hasUntil} until {appliesUntil}{/hasUntil}",
    between: "Between:",
    pcsw: "on the one hand, {centreName}, represented by {#hasSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{#bothSigners} and {/bothSigners}{#signer1}{signer1}, {signer1FunctionBy}{/signer1}{/hasSigners}{^hasSigners}its president and its secretary{/hasSigners},",
    asd: "{#hasAsd}the social worker of the general social service, {asdName},{/hasAsd}",
    dsbe: "the social worker of the socio-professional integration service, {agentName},",
    person:
      "and on the other hand, the beneficiary, {clientName}{#birthDate}, born on {birthDate}{/birthDate}" +
      "{#nationalId}, national ID {nationalId}{/nationalId}{#address}, living at {address}{/address},",
    partnersToo: "{#partners}and {company}{#contact}, represented by {contact}{/contact}, {/partners}",
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
    signPcsw: "For the PCSW, {signer1Function}",
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
    // The person's duties: the clauses of the contract's type (server/isip/clauses.ts), then the rich text.
    heading(x.dutiesPerson!),
    p("{#personClauses}", { spaceAfter: 0 }),
    p("{text}", { indent: 360 }),
    p("{/personClauses}", { spaceAfter: 0 }),
    p("{#dutiesPerson}", { spaceAfter: 0 }),
    p("{text}"),
    p("{/dutiesPerson}", { spaceAfter: 0 }),
    p(`{^dutiesPerson}{^personClauses}${x.none}{/personClauses}{/dutiesPerson}`),
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
    // The PCSW signs through its secretary and its president (the contract's signers), each named when known.
    table(
      [2325, 2325, 2325, 2325],
      [
        { cells: [x.signPerson!, x.signAgent!, x.signPcsw!, "{signer2Function}"], style: { bold: true } },
        { cells: ["", "", "", ""], height: 1400 },
        { cells: ["{clientName}", "{agentName}", "{signer1}", "{signer2}"] },
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
    pcsw: "d'une part, {centreName}, ci-après dénommé « le CPAS »{#hasSigners}, représenté par {#signer1}{signer1}, {signer1FunctionBy}{/signer1}{#bothSigners} et {/bothSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{/hasSigners} ;",
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
    pcsw: "enerzijds, {centreName}, hierna « het OCMW » genoemd{#hasSigners}, vertegenwoordigd door {#signer1}{signer1}, {signer1FunctionBy}{/signer1}{#bothSigners} en {/bothSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{/hasSigners};",
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
    pcsw: "einerseits {centreName}, nachstehend „das ÖSHZ“ genannt{#hasSigners}, vertreten durch {#signer1}{signer1}, {signer1FunctionBy}{/signer1}{#bothSigners} und {/bothSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{/hasSigners};",
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
    pcsw: "on the one hand, {centreName}, hereinafter “the PCSW”{#hasSigners}, represented by {#signer1}{signer1}, {signer1FunctionBy}{/signer1}{#bothSigners} and {/bothSigners}{#signer2}{signer2}, {signer2FunctionBy}{/signer2}{/hasSigners};",
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

/** A contract whose fixed text is its articles: heading, paragraphs; "@responsibilities" is the rich text's paragraph loop. */
interface ArticlesContract {
  title: string;
  parties: string[];
  agreed: string;
  articles: { heading: string; paragraphs: string[] }[];
  done: string;
  signatures: string[];
  signatureNames: string[];
  /** Paragraphs after the signatures (e.g. a third party's signature block, each kept or left out by its own tags). */
  after?: string[];
}

/** An article's paragraphs: "@responsibilities" prints the rich text, one paragraph each, "—" when it is empty. */
const articleParagraphs = (paragraphs: string[]) =>
  paragraphs.flatMap((text) =>
    text === "@responsibilities"
      ? [
          p("{#responsibilities}", { spaceAfter: 0 }),
          p("{text}", { indent: 360 }),
          p("{/responsibilities}", { spaceAfter: 0 }),
          p("{^responsibilities}—{/responsibilities}", { indent: 360 }),
        ]
      : [p(text)],
  );

/** The printed Art. 60§7 contract and immersion training: letterhead, titles, parties, articles, place and date, signatures. */
function articlesContract(lang: Lang, x: ArticlesContract): string[] {
  const width = Math.floor(9300 / x.signatures.length);
  return [
    ...letterhead(),
    translationLine(TEXT[lang].translation!),
    p("{contractTitle}", { bold: true, size: 30, align: "center", spaceAfter: 60 }),
    p(x.title, { bold: true, align: "center", spaceAfter: 360 }),
    ...x.parties.map((party) => p(party, { spaceAfter: 60 })),
    p(x.agreed, { spaceAfter: 240 }),
    ...x.articles.flatMap((a) => [p(a.heading, { bold: true, spaceAfter: 80 }), ...articleParagraphs(a.paragraphs)]),
    p(x.done, { spaceAfter: 360 }),
    table(
      x.signatures.map(() => width),
      [
        { cells: x.signatures, style: { bold: true } },
        { cells: x.signatures.map(() => ""), height: 1400 },
        { cells: x.signatureNames },
      ],
    ),
    ...(x.after ?? []).map((text) => p(text, { spaceAfter: 0 })),
  ];
}

/** Lino's Art. 60§7 contract (jobs/Contract/Default.odt), in our words: the employer, the organisation, the employee. */
const ART60: Record<Lang, ArticlesContract> = {
  fr: {
    title: "Convention de mise à l’emploi (article 60, § 7) n° {contractId}",
    parties: [
      "Entre {centreName}{#place}, dont le siège est situé à {place}{/place}, représenté par son président et son secrétaire, ci-après dénommé « l’employeur » ;",
      "{#companyName}et {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, représenté par {contact}{/contact}, ci-après dénommé « l’organisation » ;{/companyName}",
      "et {clientName}{#birthDate}, né·e le {birthDate}{/birthDate}{#nationalId}, NISS {nationalId}{/nationalId}{#clientAddress}, domicilié·e {clientAddress}{/clientAddress}, ci-après dénommé·e « le travailleur » ;",
    ],
    agreed: "il est convenu ce qui suit.",
    articles: [
      {
        heading: "Article 1 – Objet",
        paragraphs: [
          "Afin d’assurer l’insertion sociale et professionnelle du travailleur, l’employeur l’engage dans le cadre de l’article 60, § 7, de la loi organique des centres publics d’action sociale du 8 juillet 1976{#companyName} et le met à la disposition de l’organisation{/companyName}.",
          "Le travailleur occupe le poste suivant : {jobName}.",
          "La présente convention est soumise au statut des travailleurs engagés sous article 60, § 7, du CPAS.{#companyName} Une copie du contrat de travail est remise à l’organisation.{/companyName}",
        ],
      },
      {
        heading: "Article 2 – Durée et régime de travail",
        paragraphs: [
          "Le travailleur est engagé{#duration} pour une durée de {duration} jours ouvrables{/duration} à partir du {appliesFrom}{#hasUntil} et jusqu’au {appliesUntil}{/hasUntil}.",
          "{#regime}Régime de travail : {regime}.{/regime}{#schedule} Horaire : {schedule}.{/schedule}",
          "Dans ce cadre, le travailleur assume les tâches et fonctions suivantes :",
          "@responsibilities",
        ],
      },
      {
        heading: "Article 3 – Encadrement sur le lieu de travail",
        paragraphs: [
          "Afin d’offrir au travailleur un accompagnement étroit et un cadre de travail structuré, l’organisation désigne une personne de référence chargée de l’encadrement sur le lieu de travail{#referencePerson} : {referencePerson}{/referencePerson}.",
          "L’organisation permet au travailleur de participer à des formations, moyennant l’accord préalable de l’organisation et de l’employeur. Le temps de formation peut être considéré comme faisant partie du temps de travail.",
        ],
      },
      {
        heading: "Article 4 – Obligations de l’organisation",
        paragraphs: [
          "L’organisation remet à l’employeur une copie de son règlement de travail et de ses règles de sécurité.",
          "Chaque mois, l’organisation communique par écrit au service d’insertion de l’employeur les prestations du travailleur.",
          "L’organisation met à la disposition du travailleur les vêtements de travail adéquats. Le travailleur est soumis aux règles de sécurité et de protection du travail de l’organisation, qui veille à leur respect.",
          "Le travailleur est assuré par l’employeur contre les accidents du travail. En cas d’accident du travail, l’organisation en informe immédiatement l’employeur. La responsabilité civile incombe à l’organisation, seule responsable des dommages que le travailleur pourrait causer à des tiers.",
        ],
      },
      {
        heading: "Article 5 – Rémunération et intervention de l’organisation",
        paragraphs: [
          "Le travailleur est rémunéré par l’employeur conformément au statut des travailleurs engagés sous article 60, § 7.",
          "{#hourlyRate}En contrepartie de la mise à disposition, l’organisation verse à l’employeur, par heure de travail effectivement prestée, une contribution de {hourlyRate}.{/hourlyRate}",
          "{#refundRate}Le CPAS prend en charge {refundRate} des remboursements.{/refundRate}",
          "Les congés annuels et les jours fériés sont fixés conformément au statut des travailleurs engagés sous article 60, § 7.",
        ],
      },
      {
        heading: "Article 6 – Obligations du travailleur",
        paragraphs: [
          "Le travailleur s’engage à respecter le statut des travailleurs engagés sous article 60, § 7, les dispositions de son contrat de travail et la présente convention.",
        ],
      },
      {
        heading: "Article 7 – Accompagnement",
        paragraphs: [
          "L’interlocuteur direct pour l’accompagnement social, le déroulement, les bilans et les difficultés de la mise à l’emploi est le service d’insertion socioprofessionnelle : {agentName}.",
        ],
      },
      {
        heading: "Article 8 – Litiges et fin de la convention",
        paragraphs: [
          "Tout problème ou litige né de l’exécution de la présente convention est soumis à toutes les parties concernées pour concertation avant toute décision.",
          "Si l’organisation constate une faute grave du travailleur, elle en informe l’employeur dans les 24 heures.",
          "Chaque partie peut mettre fin à la présente convention moyennant un préavis d’un mois et après concertation de toutes les parties. L’employeur peut y mettre fin sans préavis si l’organisation ne respecte pas ses obligations en matière d’insertion sociale et professionnelle.",
        ],
      },
      {
        heading: "Article 9 – Entrée en vigueur",
        paragraphs: [
          "La présente convention entre en vigueur au début du travail du travailleur.{#dateDecided} Elle a été portée à la connaissance du comité spécial du service social en sa séance du {dateDecided}.{/dateDecided}",
        ],
      },
    ],
    done: "Fait en trois exemplaires{#place} à {place}{/place}, le {printedOn}, chaque partie reconnaissant avoir reçu le sien.",
    signatures: ["Le travailleur", "Pour l’organisation", "Pour le CPAS, {signer1Function}", "{signer2Function}"],
    signatureNames: ["{clientName}", "{contact}", "{signer1}", "{signer2}"],
  },
  nl: {
    title: "Overeenkomst tewerkstelling (artikel 60, § 7) nr. {contractId}",
    parties: [
      "Tussen {centreName}{#place}, gevestigd te {place}{/place}, vertegenwoordigd door zijn voorzitter en zijn secretaris, hierna « de werkgever » genoemd;",
      "{#companyName}en {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, vertegenwoordigd door {contact}{/contact}, hierna « de organisatie » genoemd;{/companyName}",
      "en {clientName}{#birthDate}, geboren op {birthDate}{/birthDate}{#nationalId}, INSZ {nationalId}{/nationalId}{#clientAddress}, wonende te {clientAddress}{/clientAddress}, hierna « de werknemer » genoemd;",
    ],
    agreed: "wordt het volgende overeengekomen.",
    articles: [
      {
        heading: "Artikel 1 – Voorwerp",
        paragraphs: [
          "Om de maatschappelijke en professionele integratie van de werknemer te verzekeren, neemt de werkgever hem in dienst op grond van artikel 60, § 7, van de organieke wet van 8 juli 1976 betreffende de openbare centra voor maatschappelijk welzijn{#companyName} en stelt hij hem ter beschikking van de organisatie{/companyName}.",
          "De werknemer bekleedt de volgende functie: {jobName}.",
          "Deze overeenkomst valt onder het statuut van de werknemers die het OCMW volgens artikel 60, § 7, tewerkstelt.{#companyName} Een afschrift van de arbeidsovereenkomst wordt aan de organisatie bezorgd.{/companyName}",
        ],
      },
      {
        heading: "Artikel 2 – Duur en arbeidsregeling",
        paragraphs: [
          "De werknemer wordt tewerkgesteld{#duration} voor een duur van {duration} werkdagen{/duration} vanaf {appliesFrom}{#hasUntil} tot {appliesUntil}{/hasUntil}.",
          "{#regime}Arbeidsregeling: {regime}.{/regime}{#schedule} Uurrooster: {schedule}.{/schedule}",
          "In dit kader neemt de werknemer de volgende taken en functies op zich:",
          "@responsibilities",
        ],
      },
      {
        heading: "Artikel 3 – Begeleiding op de werkplek",
        paragraphs: [
          "Om de werknemer een nauwe begeleiding en een gestructureerd werkkader te bieden, wijst de organisatie een referentiepersoon aan voor de begeleiding op de werkplek{#referencePerson}: {referencePerson}{/referencePerson}.",
          "De organisatie laat de werknemer deelnemen aan opleidingen, mits voorafgaand akkoord van de organisatie en de werkgever. Opleidingstijd kan als deel van de arbeidstijd worden beschouwd.",
        ],
      },
      {
        heading: "Artikel 4 – Verplichtingen van de organisatie",
        paragraphs: [
          "De organisatie bezorgt de werkgever een afschrift van haar arbeidsreglement en haar veiligheidsvoorschriften.",
          "De organisatie meldt de inschakelingsdienst van de werkgever elke maand schriftelijk de prestaties van de werknemer.",
          "De organisatie stelt de gepaste werkkledij ter beschikking van de werknemer. De werknemer is onderworpen aan de veiligheids- en arbeidsbeschermingsvoorschriften van de organisatie, die over de naleving ervan waakt.",
          "De werknemer is door de werkgever verzekerd tegen arbeidsongevallen. Bij een arbeidsongeval verwittigt de organisatie onmiddellijk de werkgever. De burgerlijke aansprakelijkheid berust bij de organisatie, die als enige aansprakelijk is voor de schade die de werknemer aan derden zou berokkenen.",
        ],
      },
      {
        heading: "Artikel 5 – Loon en bijdrage van de organisatie",
        paragraphs: [
          "De werknemer wordt door de werkgever bezoldigd volgens het statuut van de werknemers tewerkgesteld volgens artikel 60, § 7.",
          "{#hourlyRate}In ruil voor de terbeschikkingstelling betaalt de organisatie de werkgever per effectief gepresteerd arbeidsuur een bijdrage van {hourlyRate}.{/hourlyRate}",
          "{#refundRate}Het OCMW neemt {refundRate} van de terugbetalingen ten laste.{/refundRate}",
          "De jaarlijkse vakantie en de feestdagen worden vastgesteld volgens het statuut van de werknemers tewerkgesteld volgens artikel 60, § 7.",
        ],
      },
      {
        heading: "Artikel 6 – Verplichtingen van de werknemer",
        paragraphs: [
          "De werknemer verbindt zich ertoe het statuut van de werknemers tewerkgesteld volgens artikel 60, § 7, de bepalingen van zijn arbeidsovereenkomst en deze overeenkomst na te leven.",
        ],
      },
      {
        heading: "Artikel 7 – Begeleiding",
        paragraphs: [
          "Het rechtstreekse aanspreekpunt voor de sociale begeleiding, het verloop, de evaluaties en de problemen van de tewerkstelling is de dienst socio-professionele inschakeling: {agentName}.",
        ],
      },
      {
        heading: "Artikel 8 – Geschillen en beëindiging",
        paragraphs: [
          "Elk probleem of geschil dat uit de uitvoering van deze overeenkomst voortvloeit, wordt vóór elke beslissing ter overleg aan alle betrokken partijen voorgelegd.",
          "Stelt de organisatie een zware fout van de werknemer vast, dan verwittigt zij de werkgever binnen 24 uur.",
          "Elke partij kan deze overeenkomst beëindigen met een opzegtermijn van één maand en na overleg tussen alle partijen. De werkgever kan ze zonder opzegtermijn beëindigen wanneer de organisatie haar verplichtingen inzake maatschappelijke en professionele integratie niet nakomt.",
        ],
      },
      {
        heading: "Artikel 9 – Inwerkingtreding",
        paragraphs: [
          "Deze overeenkomst treedt in werking bij de aanvang van het werk van de werknemer.{#dateDecided} Zij werd ter kennis gebracht van het bijzonder comité voor de sociale dienst in zijn vergadering van {dateDecided}.{/dateDecided}",
        ],
      },
    ],
    done: "Opgemaakt in drie exemplaren{#place} te {place}{/place}, op {printedOn}; elke partij verklaart een origineel te hebben ontvangen.",
    signatures: ["De werknemer", "Voor de organisatie", "Voor het OCMW, {signer1Function}", "{signer2Function}"],
    signatureNames: ["{clientName}", "{contact}", "{signer1}", "{signer2}"],
  },
  de: {
    title: "Konvention zur Beschäftigung gemäß Artikel 60 § 7 Nr. {contractId}",
    parties: [
      "Zwischen {centreName}{#place} mit Sitz in {place}{/place}, vertreten durch den Präsidenten und den Sekretär, nachstehend „der Arbeitgeber“ genannt;",
      "{#companyName}und {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, vertreten durch {contact}{/contact}, nachstehend „die Organisation“ genannt;{/companyName}",
      "und {clientName}{#birthDate}, geboren am {birthDate}{/birthDate}{#nationalId}, NISS {nationalId}{/nationalId}{#clientAddress}, wohnhaft {clientAddress}{/clientAddress}, nachstehend „der Beschäftigte“ genannt;",
    ],
    agreed: "wird Folgendes vereinbart.",
    articles: [
      {
        heading: "Artikel 1 – Gegenstand",
        paragraphs: [
          "Um die soziale und berufliche Eingliederung des Beschäftigten zu gewährleisten, stellt der Arbeitgeber ihn im Rahmen von Artikel 60 § 7 des Grundlagengesetzes vom 8. Juli 1976 über die öffentlichen Sozialhilfezentren ein{#companyName} und stellt ihn der Organisation zur Verfügung{/companyName}.",
          "Der Beschäftigte besetzt folgende Stelle: {jobName}.",
          "Diese Konvention unterliegt dem Statut der gemäß Artikel 60 § 7 Beschäftigten des ÖSHZ.{#companyName} Eine Abschrift des Arbeitsvertrags geht an die Organisation.{/companyName}",
        ],
      },
      {
        heading: "Artikel 2 – Dauer und Arbeitsregime",
        paragraphs: [
          "Der Beschäftigte wird{#duration} für die Dauer von {duration} Arbeitstagen{/duration} ab dem {appliesFrom}{#hasUntil} bis zum {appliesUntil}{/hasUntil} eingestellt.",
          "{#regime}Arbeitsregime: {regime}.{/regime}{#schedule} Stundenplan: {schedule}.{/schedule}",
          "In diesem Rahmen übernimmt der Beschäftigte folgende Aufgabenbereiche und Funktionen:",
          "@responsibilities",
        ],
      },
      {
        heading: "Artikel 3 – Betreuung am Arbeitsplatz",
        paragraphs: [
          "Um dem Beschäftigten eine enge Begleitung und einen strukturierten Arbeitsrahmen zu bieten, bestimmt die Organisation eine Referenzperson für die Betreuung am Arbeitsplatz{#referencePerson}: {referencePerson}{/referencePerson}.",
          "Die Organisation lässt den Beschäftigten an Schulungen und Ausbildungen teilnehmen, sofern die Organisation und der Arbeitgeber vorher zugestimmt haben. Ausbildungszeiten können als Teil der Arbeitszeit betrachtet werden.",
        ],
      },
      {
        heading: "Artikel 4 – Verpflichtungen der Organisation",
        paragraphs: [
          "Die Organisation übermittelt dem Arbeitgeber eine Abschrift ihrer Arbeitsordnung und ihrer Sicherheitsvorschriften.",
          "Die Organisation meldet dem Eingliederungsdienst des Arbeitgebers jeden Monat schriftlich die Leistungen des Beschäftigten.",
          "Die Organisation stellt dem Beschäftigten die angemessene Arbeitskleidung zur Verfügung. Der Beschäftigte unterliegt den Sicherheits- und Arbeitsschutzbestimmungen der Organisation, die für deren Einhaltung verantwortlich ist.",
          "Der Beschäftigte ist durch den Arbeitgeber gegen Arbeitsunfälle versichert. Bei einem Arbeitsunfall benachrichtigt die Organisation unverzüglich den Arbeitgeber. Die zivilrechtliche Haftung obliegt der Organisation; sie allein haftet für Schäden, die der Beschäftigte Dritten zufügt.",
        ],
      },
      {
        heading: "Artikel 5 – Entlohnung und Beitrag der Organisation",
        paragraphs: [
          "Der Beschäftigte wird vom Arbeitgeber gemäß dem Statut der gemäß Artikel 60 § 7 Beschäftigten entlohnt.",
          "{#hourlyRate}Im Gegenzug für die Zur-Verfügung-Stellung zahlt die Organisation dem Arbeitgeber pro effektiv geleisteter Arbeitsstunde einen Beitrag von {hourlyRate}.{/hourlyRate}",
          "{#refundRate}Das ÖSHZ übernimmt {refundRate} der Rückerstattungen.{/refundRate}",
          "Jahresurlaub und Feiertage richten sich nach dem Statut der gemäß Artikel 60 § 7 Beschäftigten.",
        ],
      },
      {
        heading: "Artikel 6 – Verpflichtungen des Beschäftigten",
        paragraphs: [
          "Der Beschäftigte verpflichtet sich, das Statut der gemäß Artikel 60 § 7 Beschäftigten, die Bestimmungen seines Arbeitsvertrags und diese Konvention einzuhalten.",
        ],
      },
      {
        heading: "Artikel 7 – Begleitung",
        paragraphs: [
          "Direkter Ansprechpartner für die soziale Betreuung, den Ablauf, die Bilanzen und Probleme im Rahmen der Beschäftigung ist der Dienst für sozial-berufliche Eingliederung: {agentName}.",
        ],
      },
      {
        heading: "Artikel 8 – Streitfälle und Beendigung",
        paragraphs: [
          "Jedes Problem und jeder Streitfall aus der Durchführung dieser Konvention wird vor jeder Entscheidung allen betroffenen Parteien zur Konzertierung unterbreitet.",
          "Stellt die Organisation ein schwerwiegendes Fehlverhalten des Beschäftigten fest, benachrichtigt sie den Arbeitgeber innerhalb von 24 Stunden.",
          "Jede Partei kann diese Konvention mit einer Kündigungsfrist von einem Monat und nach Konzertierung aller Parteien beenden. Der Arbeitgeber kann sie fristlos beenden, wenn die Organisation ihren Verpflichtungen zur sozialen und beruflichen Eingliederung nicht nachkommt.",
        ],
      },
      {
        heading: "Artikel 9 – Inkrafttreten",
        paragraphs: [
          "Diese Konvention tritt mit dem Arbeitsbeginn des Beschäftigten in Kraft.{#dateDecided} Sie wurde dem Sonderausschuss für Soziales in seiner Sitzung vom {dateDecided} zur Kenntnis gebracht.{/dateDecided}",
        ],
      },
    ],
    done: "Ausgefertigt in drei Exemplaren{#place} in {place}{/place}, den {printedOn}; jede Partei erklärt, ein Original erhalten zu haben.",
    signatures: ["Der Beschäftigte", "Für die Organisation", "Für das ÖSHZ, {signer1Function}", "{signer2Function}"],
    signatureNames: ["{clientName}", "{contact}", "{signer1}", "{signer2}"],
  },
  en: {
    title: "Job supply contract (article 60, § 7) no. {contractId}",
    parties: [
      "Between {centreName}{#place}, with its seat in {place}{/place}, represented by its president and its secretary, hereinafter “the employer”;",
      "{#companyName}and {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, represented by {contact}{/contact}, hereinafter “the organisation”;{/companyName}",
      "and {clientName}{#birthDate}, born on {birthDate}{/birthDate}{#nationalId}, national ID {nationalId}{/nationalId}{#clientAddress}, living at {clientAddress}{/clientAddress}, hereinafter “the employee”;",
    ],
    agreed: "the following is agreed.",
    articles: [
      {
        heading: "Article 1 – Purpose",
        paragraphs: [
          "To ensure the employee’s social and professional integration, the employer hires the employee under article 60, § 7, of the organic law of 8 July 1976 on public centres for social welfare{#companyName} and makes the employee available to the organisation{/companyName}.",
          "The employee holds the following job: {jobName}.",
          "This contract is subject to the PCSW’s statute for employees hired under article 60, § 7.{#companyName} A copy of the employment contract is given to the organisation.{/companyName}",
        ],
      },
      {
        heading: "Article 2 – Duration and working regime",
        paragraphs: [
          "The employee is hired{#duration} for {duration} working days{/duration} from {appliesFrom}{#hasUntil} until {appliesUntil}{/hasUntil}.",
          "{#regime}Working regime: {regime}.{/regime}{#schedule} Schedule: {schedule}.{/schedule}",
          "Within this framework the employee takes on the following responsibilities and functions:",
          "@responsibilities",
        ],
      },
      {
        heading: "Article 3 – Supervision at the workplace",
        paragraphs: [
          "To give the employee close guidance and a structured working environment, the organisation appoints a reference person for supervision at the workplace{#referencePerson}: {referencePerson}{/referencePerson}.",
          "The organisation lets the employee attend training courses, subject to the prior agreement of the organisation and the employer. Training time may be counted as working time.",
        ],
      },
      {
        heading: "Article 4 – Duties of the organisation",
        paragraphs: [
          "The organisation gives the employer a copy of its work rules and safety regulations.",
          "Each month the organisation reports the employee’s work in writing to the employer’s integration service.",
          "The organisation provides the employee with suitable work clothing. The employee is subject to the organisation’s safety and health regulations, which the organisation is responsible for enforcing.",
          "The employer insures the employee against accidents at work. In the event of an accident at work the organisation informs the employer immediately. Civil liability lies with the organisation, which alone is liable for any damage the employee may cause to third parties.",
        ],
      },
      {
        heading: "Article 5 – Pay and contribution of the organisation",
        paragraphs: [
          "The employee is paid by the employer under the statute for employees hired under article 60, § 7.",
          "{#hourlyRate}In return for the employee being made available, the organisation pays the employer a contribution of {hourlyRate} per hour actually worked.{/hourlyRate}",
          "{#refundRate}The PCSW bears {refundRate} of the refunds.{/refundRate}",
          "Annual leave and public holidays are set by the statute for employees hired under article 60, § 7.",
        ],
      },
      {
        heading: "Article 6 – Duties of the employee",
        paragraphs: [
          "The employee undertakes to respect the statute for employees hired under article 60, § 7, the terms of the employment contract and this contract.",
        ],
      },
      {
        heading: "Article 7 – Guidance",
        paragraphs: [
          "The direct contact for social guidance, the course of the employment, its reviews and any problems is the socio-professional integration service: {agentName}.",
        ],
      },
      {
        heading: "Article 8 – Disputes and termination",
        paragraphs: [
          "Any problem or dispute arising from the performance of this contract is submitted to all parties concerned for consultation before any decision is taken.",
          "If the organisation finds serious misconduct by the employee, it informs the employer within 24 hours.",
          "Any party may end this contract with one month’s notice, after consultation of all parties. The employer may end it without notice if the organisation fails to meet its obligations regarding social and professional integration.",
        ],
      },
      {
        heading: "Article 9 – Entry into force",
        paragraphs: [
          "This contract enters into force when the employee starts work.{#dateDecided} It was brought to the attention of the special committee for social services at its meeting of {dateDecided}.{/dateDecided}",
        ],
      },
    ],
    done: "Made in three copies{#place} in {place}{/place} on {printedOn}, each party acknowledging receipt of an original.",
    signatures: ["The employee", "For the organisation", "For the PCSW, {signer1Function}", "{signer2Function}"],
    signatureNames: ["{clientName}", "{contact}", "{signer1}", "{signer2}"],
  },
};

/** Lino's immersion training agreement (its immersion body, as FOREM's StageForem frames it), in our words. */
const IMMERSION: Record<Lang, ArticlesContract> = {
  fr: {
    title: "Convention de stage d’immersion n° {contractId}",
    parties: [
      "Entre {centreName}{#place}, dont le siège est situé à {place}{/place}, représenté par son président et son secrétaire, ci-après dénommé « le CPAS »,",
      "le service d’insertion socioprofessionnelle, représenté par le travailleur social {agentName},",
      "le service accueillant, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, représenté par {contact}{#contactRole}, {contactRole}{/contactRole}{/contact},",
      "et {clientName}{#birthDate}, né·e le {birthDate}{/birthDate}{#nationalId}, NISS {nationalId}{/nationalId}{#clientAddress}, domicilié·e {clientAddress}{/clientAddress}, ci-après dénommé·e « le stagiaire »,",
    ],
    agreed: "il a été convenu ce qui suit.",
    articles: [
      {
        heading: "Article 1 – Objet",
        paragraphs: [
          "Dans le cadre des initiatives du CPAS pour l’insertion socioprofessionnelle de ses usagers, le service d’insertion et le service accueillant réunissent leurs efforts pour permettre au stagiaire d’effectuer un stage d’immersion sous forme de mise en situation professionnelle{#goal}, dans le but suivant : {goal}{/goal}.",
          "{#sector}Secteur : {sector}.{/sector}{#function} Fonction : {function}.{/function}",
        ],
      },
      {
        heading: "Article 2 – Durée",
        paragraphs: ["Le stage commence le {appliesFrom}{#hasUntil} et se termine le {appliesUntil}{/hasUntil}."],
      },
      {
        heading: "Article 3 – Engagements du CPAS",
        paragraphs: [
          "Le CPAS s’engage à souscrire les assurances couvrant les accidents du travail et la responsabilité civile du stagiaire pendant toute la durée du stage.",
        ],
      },
      {
        heading: "Article 4 – Engagements du service accueillant",
        paragraphs: [
          "Le service accueillant s’engage à accueillir et à diriger le stagiaire pendant la durée du stage{#referencePerson}, par l’intermédiaire de sa personne de référence : {referencePerson}{/referencePerson}.",
          "Le stagiaire y assume les tâches suivantes :",
          "@responsibilities",
        ],
      },
      {
        heading: "Article 5 – Accompagnement par le service d’insertion",
        paragraphs: [
          "Le CPAS confie l’accompagnement du stagiaire au service d’insertion, qui s’engage à examiner avec le stagiaire le déroulement du stage et à l’aider en cas de difficultés susceptibles de nuire à son insertion professionnelle.",
        ],
      },
      {
        heading: "Article 6 – Engagements du stagiaire",
        paragraphs: [
          "Le stagiaire s’engage à respecter les contraintes inhérentes au travail : les horaires, le matériel, les collègues, les consignes et les remarques qui lui sont faites.",
        ],
      },
      {
        heading: "Article 7 – Évaluation",
        paragraphs: [
          "Au cours et au terme du stage, une évaluation entre le service d’insertion, le service accueillant et le stagiaire détermine les aptitudes du stagiaire à exercer un travail sous contrat.",
        ],
      },
      {
        heading: "Article 8 – Fin anticipée",
        paragraphs: [
          "Si une situation mettait en péril la bonne fin du stage, chacune des parties peut en référer aux autres afin d’examiner l’opportunité de mettre fin à la présente convention.",
        ],
      },
    ],
    done: "Fait{#place} à {place}{/place}, le {printedOn}, en autant d’exemplaires que de parties, chacune reconnaissant avoir reçu le sien.",
    signatures: [
      "Pour le CPAS, {signer1Function}",
      "{signer2Function}",
      "Pour le service accueillant",
      "Pour le service d’insertion",
      "Le stagiaire",
    ],
    signatureNames: ["{signer1}", "{signer2}", "{contact}", "{agentName}", "{clientName}"],
  },
  nl: {
    title: "Overeenkomst inleefstage nr. {contractId}",
    parties: [
      "Tussen {centreName}{#place}, gevestigd te {place}{/place}, vertegenwoordigd door zijn voorzitter en zijn secretaris, hierna « het OCMW » genoemd,",
      "de dienst socio-professionele inschakeling, vertegenwoordigd door de maatschappelijk werker {agentName},",
      "de onthaalorganisatie, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, vertegenwoordigd door {contact}{#contactRole}, {contactRole}{/contactRole}{/contact},",
      "en {clientName}{#birthDate}, geboren op {birthDate}{/birthDate}{#nationalId}, INSZ {nationalId}{/nationalId}{#clientAddress}, wonende te {clientAddress}{/clientAddress}, hierna « de stagiair » genoemd,",
    ],
    agreed: "wordt het volgende overeengekomen.",
    articles: [
      {
        heading: "Artikel 1 – Voorwerp",
        paragraphs: [
          "In het kader van de initiatieven van het OCMW voor de socio-professionele inschakeling van zijn cliënten bundelen de inschakelingsdienst en de onthaalorganisatie hun krachten om de stagiair een inleefstage in een reële werksituatie te laten lopen{#goal}, met als doel: {goal}{/goal}.",
          "{#sector}Sector: {sector}.{/sector}{#function} Functie: {function}.{/function}",
        ],
      },
      {
        heading: "Artikel 2 – Duur",
        paragraphs: ["De stage begint op {appliesFrom}{#hasUntil} en eindigt op {appliesUntil}{/hasUntil}."],
      },
      {
        heading: "Artikel 3 – Verbintenissen van het OCMW",
        paragraphs: [
          "Het OCMW verbindt zich ertoe de verzekeringen tegen arbeidsongevallen en voor de burgerlijke aansprakelijkheid van de stagiair af te sluiten voor de hele duur van de stage.",
        ],
      },
      {
        heading: "Artikel 4 – Verbintenissen van de onthaalorganisatie",
        paragraphs: [
          "De onthaalorganisatie verbindt zich ertoe de stagiair tijdens de stage te onthalen en te begeleiden{#referencePerson}, via haar referentiepersoon: {referencePerson}{/referencePerson}.",
          "De stagiair neemt er de volgende taken op zich:",
          "@responsibilities",
        ],
      },
      {
        heading: "Artikel 5 – Begeleiding door de inschakelingsdienst",
        paragraphs: [
          "Het OCMW vertrouwt de begeleiding van de stagiair toe aan de inschakelingsdienst, die zich ertoe verbindt het verloop van de stage met de stagiair te bespreken en hem te helpen bij moeilijkheden die zijn professionele inschakeling in gevaar kunnen brengen.",
        ],
      },
      {
        heading: "Artikel 6 – Verbintenissen van de stagiair",
        paragraphs: [
          "De stagiair verbindt zich ertoe de vereisten van het werk na te leven: de werktijden, het materiaal, de collega’s, de instructies en de opmerkingen die hem worden gegeven.",
        ],
      },
      {
        heading: "Artikel 7 – Evaluatie",
        paragraphs: [
          "Tijdens en op het einde van de stage bepalen de inschakelingsdienst, de onthaalorganisatie en de stagiair samen in een evaluatie in hoeverre de stagiair geschikt is om werk onder arbeidsovereenkomst uit te oefenen.",
        ],
      },
      {
        heading: "Artikel 8 – Vroegtijdige beëindiging",
        paragraphs: [
          "Brengt een situatie de goede afloop van de stage in gevaar, dan kan elke partij de andere partijen daarover aanspreken om na te gaan of deze overeenkomst beter wordt beëindigd.",
        ],
      },
    ],
    done: "Opgemaakt{#place} te {place}{/place}, op {printedOn}, in zoveel exemplaren als er partijen zijn; elke partij verklaart het hare te hebben ontvangen.",
    signatures: [
      "Voor het OCMW, {signer1Function}",
      "{signer2Function}",
      "Voor de onthaalorganisatie",
      "Voor de inschakelingsdienst",
      "De stagiair",
    ],
    signatureNames: ["{signer1}", "{signer2}", "{contact}", "{agentName}", "{clientName}"],
  },
  de: {
    title: "Vereinbarung über ein Immersionspraktikum Nr. {contractId}",
    parties: [
      "Zwischen {centreName}{#place} mit Sitz in {place}{/place}, vertreten durch den Präsidenten und den Sekretär, nachstehend „das ÖSHZ“ genannt,",
      "dem Dienst für sozial-berufliche Eingliederung, vertreten durch den Sozialarbeiter {agentName},",
      "der aufnehmenden Einrichtung, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, vertreten durch {contact}{#contactRole}, {contactRole}{/contactRole}{/contact},",
      "und {clientName}{#birthDate}, geboren am {birthDate}{/birthDate}{#nationalId}, NISS {nationalId}{/nationalId}{#clientAddress}, wohnhaft {clientAddress}{/clientAddress}, nachstehend „der Praktikant“ genannt,",
    ],
    agreed: "wird Folgendes vereinbart.",
    articles: [
      {
        heading: "Artikel 1 – Gegenstand",
        paragraphs: [
          "Im Rahmen der Initiativen des ÖSHZ zur sozial-beruflichen Eingliederung seiner Klienten bündeln der Eingliederungsdienst und die aufnehmende Einrichtung ihre Kräfte, damit der Praktikant ein Immersionspraktikum in einer realen Arbeitssituation absolvieren kann{#goal}, mit folgendem Ziel: {goal}{/goal}.",
          "{#sector}Sektor: {sector}.{/sector}{#function} Funktion: {function}.{/function}",
        ],
      },
      {
        heading: "Artikel 2 – Dauer",
        paragraphs: ["Das Praktikum beginnt am {appliesFrom}{#hasUntil} und endet am {appliesUntil}{/hasUntil}."],
      },
      {
        heading: "Artikel 3 – Verpflichtungen des ÖSHZ",
        paragraphs: [
          "Das ÖSHZ verpflichtet sich, für die gesamte Dauer des Praktikums die Versicherungen gegen Arbeitsunfälle und für die zivilrechtliche Haftung des Praktikanten abzuschließen.",
        ],
      },
      {
        heading: "Artikel 4 – Verpflichtungen der aufnehmenden Einrichtung",
        paragraphs: [
          "Die aufnehmende Einrichtung verpflichtet sich, den Praktikanten während des Praktikums aufzunehmen und anzuleiten{#referencePerson}, durch ihre Referenzperson: {referencePerson}{/referencePerson}.",
          "Der Praktikant übernimmt dort folgende Aufgaben:",
          "@responsibilities",
        ],
      },
      {
        heading: "Artikel 5 – Begleitung durch den Eingliederungsdienst",
        paragraphs: [
          "Das ÖSHZ überträgt die Begleitung des Praktikanten dem Eingliederungsdienst, der sich verpflichtet, den Verlauf des Praktikums mit dem Praktikanten zu besprechen und ihm bei Schwierigkeiten zu helfen, die seine berufliche Eingliederung gefährden könnten.",
        ],
      },
      {
        heading: "Artikel 6 – Verpflichtungen des Praktikanten",
        paragraphs: [
          "Der Praktikant verpflichtet sich, die mit der Arbeit verbundenen Anforderungen einzuhalten: die Arbeitszeiten, das Material, die Kollegen, die Anweisungen und die Bemerkungen, die ihm gemacht werden.",
        ],
      },
      {
        heading: "Artikel 7 – Auswertung",
        paragraphs: [
          "Während und am Ende des Praktikums stellen der Eingliederungsdienst, die aufnehmende Einrichtung und der Praktikant in einer Auswertung fest, inwieweit der Praktikant fähig ist, eine Arbeit unter Vertrag auszuüben.",
        ],
      },
      {
        heading: "Artikel 8 – Vorzeitige Beendigung",
        paragraphs: [
          "Gefährdet eine Situation den ordnungsgemäßen Abschluss des Praktikums, so kann jede Partei die anderen damit befassen, um zu prüfen, ob diese Vereinbarung beendet werden soll.",
        ],
      },
    ],
    done: "Ausgefertigt{#place} in {place}{/place}, den {printedOn}, in so vielen Exemplaren wie Parteien; jede Partei erklärt, ihr Exemplar erhalten zu haben.",
    signatures: [
      "Für das ÖSHZ, {signer1Function}",
      "{signer2Function}",
      "Für die aufnehmende Einrichtung",
      "Für den Eingliederungsdienst",
      "Der Praktikant",
    ],
    signatureNames: ["{signer1}", "{signer2}", "{contact}", "{agentName}", "{clientName}"],
  },
  en: {
    title: "Immersion training agreement no. {contractId}",
    parties: [
      "Between {centreName}{#place}, with its seat in {place}{/place}, represented by its president and its secretary, hereinafter “the PCSW”,",
      "the socio-professional integration service, represented by the social worker {agentName},",
      "the host organisation, {companyName}{#companyAddress}, {companyAddress}{/companyAddress}{#contact}, represented by {contact}{#contactRole}, {contactRole}{/contactRole}{/contact},",
      "and {clientName}{#birthDate}, born on {birthDate}{/birthDate}{#nationalId}, national ID {nationalId}{/nationalId}{#clientAddress}, living at {clientAddress}{/clientAddress}, hereinafter “the trainee”,",
    ],
    agreed: "the following is agreed.",
    articles: [
      {
        heading: "Article 1 – Purpose",
        paragraphs: [
          "As part of the PCSW’s initiatives for the socio-professional integration of its clients, the integration service and the host organisation join forces so that the trainee can complete an immersion training in a real work situation{#goal}, with the following goal: {goal}{/goal}.",
          "{#sector}Sector: {sector}.{/sector}{#function} Function: {function}.{/function}",
        ],
      },
      {
        heading: "Article 2 – Duration",
        paragraphs: ["The training starts on {appliesFrom}{#hasUntil} and ends on {appliesUntil}{/hasUntil}."],
      },
      {
        heading: "Article 3 – Duties of the PCSW",
        paragraphs: [
          "The PCSW undertakes to take out insurance covering accidents at work and the trainee’s civil liability for the whole duration of the training.",
        ],
      },
      {
        heading: "Article 4 – Duties of the host organisation",
        paragraphs: [
          "The host organisation undertakes to host and supervise the trainee during the training{#referencePerson}, through its reference person: {referencePerson}{/referencePerson}.",
          "The trainee takes on the following tasks there:",
          "@responsibilities",
        ],
      },
      {
        heading: "Article 5 – Guidance by the integration service",
        paragraphs: [
          "The PCSW entrusts the trainee’s guidance to the integration service, which undertakes to review the course of the training with the trainee and to help with any difficulty that could harm the trainee’s professional integration.",
        ],
      },
      {
        heading: "Article 6 – Duties of the trainee",
        paragraphs: [
          "The trainee undertakes to respect the requirements of the work: working hours, equipment, colleagues, instructions and the remarks made.",
        ],
      },
      {
        heading: "Article 7 – Evaluation",
        paragraphs: [
          "During and at the end of the training, the integration service, the host organisation and the trainee evaluate together the trainee’s ability to work under an employment contract.",
        ],
      },
      {
        heading: "Article 8 – Early termination",
        paragraphs: [
          "Should a situation jeopardise the completion of the training, any party may refer it to the others to consider whether this agreement should be ended.",
        ],
      },
    ],
    done: "Made{#place} in {place}{/place} on {printedOn}, in as many copies as there are parties, each acknowledging receipt of its own.",
    signatures: [
      "For the PCSW, {signer1Function}",
      "{signer2Function}",
      "For the host organisation",
      "For the integration service",
      "The trainee",
    ],
    signatureNames: ["{signer1}", "{signer2}", "{contact}", "{agentName}", "{clientName}"],
  },
};

/**
 * What the Art. 60§7 contract adds by its type (server/jobs/clauses.ts, Lino's refs art60-7a, 7c/7d, 7e):
 * the organisation named as a social economy initiative, the monthly refund of costs in article 5,
 * the city's signature block.
 */
const ART60_CLAUSES: Record<Lang, { socialEconomy: string; refund: string; city: string[] }> = {
  fr: {
    socialEconomy: "l’initiative d’économie sociale agréée par le ministre fédéral de l’Intégration sociale ",
    refund:
      "En contrepartie de la mise à disposition, l’organisation rembourse à l’employeur, à la fin de chaque mois, une partie des coûts selon la simulation annexée. Celle-ci, établie selon les dispositions légales et mise à jour au besoin (notamment lors d’une indexation), reprend le salaire brut mensuel, allocation de foyer ou de résidence comprise, le pécule de vacances et de sortie, les charges patronales, les subsides publics et enfin le montant mensuel prévisible à charge de l’organisation. Le pécule de sortie reste dû en cas de départ anticipé du travailleur. Les remboursements sont versés sur l’un des comptes indiqués sur la facture.",
    city: ["Pour la Ville{#place} de {place}{/place},", "le Bourgmestre et le Secrétaire communal"],
  },
  nl: {
    socialEconomy:
      "het initiatief van sociale economie erkend door de federale minister van Maatschappelijke Integratie ",
    refund:
      "In ruil voor de terbeschikkingstelling betaalt de organisatie de werkgever op het einde van elke maand een deel van de kosten terug volgens de bijgevoegde kostensimulatie. Die wordt volgens de wettelijke bepalingen opgesteld en zo nodig bijgewerkt (bijvoorbeeld bij indexering) en omvat het maandelijkse brutoloon met haard- of standplaatstoelage, het vakantie- en uitdiensttredingsgeld, de werkgeversbijdragen, de overheidssubsidies en ten slotte het verwachte maandelijkse bedrag ten laste van de organisatie. Het uitdiensttredingsgeld blijft verschuldigd als de werknemer vroegtijdig vertrekt. De terugbetalingen worden gestort op een van de rekeningen vermeld op de factuur.",
    city: ["Voor de Stad{#place} {place}{/place},", "de burgemeester en de stadssecretaris"],
  },
  de: {
    socialEconomy: "der vom Föderalen Minister für Soziale Eingliederung anerkannten Initiative der Sozialwirtschaft ",
    refund:
      "Im Gegenzug für die Zur-Verfügung-Stellung erstattet die Organisation dem Arbeitgeber jeweils zum Monatsende einen Teil der Kosten gemäß der beigefügten Kostensimulation. Diese wird nach den gesetzlichen Vorschriften erstellt und bei Bedarf (etwa bei einer Indexierung) angepasst; sie umfasst den monatlichen Bruttolohn einschließlich Haushalts- bzw. Wohnsitzzulage, Urlaubs- und Austrittsgeld, Lohnnebenkosten, staatliche Zuschüsse und schließlich den voraussichtlichen monatlichen Betrag zu Lasten der Organisation. Das Austrittsgeld ist auch bei vorzeitigem Ausscheiden des Beschäftigten zu zahlen. Die Rückerstattungen sind auf eines der in der Rechnung angegebenen Konten zu überweisen.",
    city: ["Für die Stadt{#place} {place}{/place},", "der Bürgermeister und der Stadtsekretär"],
  },
  en: {
    socialEconomy: "the social economy initiative recognised by the federal minister for social integration ",
    refund:
      "In return for the provision, the organisation refunds part of the costs to the employer at the end of each month, according to the annexed cost simulation. Drawn up according to the legal provisions and updated when needed (for instance on indexation), it covers the monthly gross wage including household or residence allowance, holiday and leaving pay, the employer’s contributions, public subsidies and finally the expected monthly amount borne by the organisation. The leaving pay remains due if the employee leaves early. Refunds are paid into one of the accounts given on the invoice.",
    city: ["For the City{#place} of {place}{/place},", "the Mayor and the City Secretary"],
  },
};

function withArt60Clauses(lang: Lang): ArticlesContract {
  const x = ART60[lang];
  const c = ART60_CLAUSES[lang];
  return {
    ...x,
    // The organisation's line: "{#companyName}et {companyName}…" names a social economy initiative as such.
    parties: x.parties.map((party, i) =>
      i === 1
        ? party.replace(
            "{companyName}{#companyAddress}",
            `{#socialEconomy}${c.socialEconomy}{/socialEconomy}{companyName}{#companyAddress}`,
          )
        : party,
    ),
    // Article 5 (pay and the organisation's contribution): the refund clause after its first paragraph.
    articles: x.articles.map((a, i) =>
      i === 4
        ? {
            ...a,
            paragraphs: [a.paragraphs[0]!, `{#refundClause}${c.refund}{/refundClause}`, ...a.paragraphs.slice(1)],
          }
        : a,
    ),
    after: ["{#cityBlock}", ...c.city, "{/cityBlock}"],
  };
}

const art60Contract = (lang: Lang) => articlesContract(lang, withArt60Clauses(lang));
const immersionContract = (lang: Lang) => articlesContract(lang, IMMERSION[lang]);

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
  art60Contract,
  immersionContract,
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
