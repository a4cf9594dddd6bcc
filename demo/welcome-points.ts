import { WELCOME_POINTS_SECTION_TITLES as TITLES } from "@/lib/concepts/outline-templates";
import { doc, h, p, quote, table, ul } from "./tiptap";

/**
 * The Welcome Points case, from council motion RAT/676/2021 of 16 December 2021. Facts from the motion and
 * public sources as given; everything else (names of people, offices, dates of meetings, figures) is
 * illustrative demo data.
 */
export const DEMO_PASSWORD = "welcome-points-demo";
export const DEMO_EMAIL_DOMAIN = "demo.example";

export const MOTION_TEXT = `Der Rat der Landeshauptstadt Düsseldorf beauftragt die Verwaltung, gemeinsam mit den Trägern ein Konzept zu erarbeiten, wie

1. die Welcome Points inhaltlich weiterentwickelt und
2. das insoweit weiterentwickelte Angebot in bereits bestehenden Strukturen der Gemeinwesenarbeit verstetigt werden kann.

Dabei ist insbesondere eine strukturelle Anbindung an die Familienzentren zu prüfen.

Die Ergebnisse sollen dem Ausschuss für Gesundheit und Soziales, dem Jugendhilfeausschuss und dem Integrationsrat bis spätestens zum Ende des 2. Quartals 2022 vorgestellt werden.`;

export const ORGANISATIONS = {
  lead: {
    name: "Amt für Migration und Integration",
    shortName: "Federführung",
    kind: "verwaltung",
    illustrative: true,
  },
  jugendamt: { name: "Jugendamt", shortName: "Jugendamt", kind: "verwaltung", illustrative: true },
  diakonie: { name: "Diakonie Düsseldorf", shortName: "Diakonie", kind: "traeger", illustrative: true },
  awo: { name: "AWO Düsseldorf", shortName: "AWO", kind: "traeger", illustrative: true },
  caritas: { name: "Caritasverband Düsseldorf", shortName: "Caritas", kind: "traeger", illustrative: true },
  ags: {
    name: "Ausschuss für Gesundheit und Soziales",
    shortName: "AGS",
    kind: "gremium",
    classification: "ausschuss",
    illustrative: false,
  },
  jha: {
    name: "Jugendhilfeausschuss",
    shortName: "JHA",
    kind: "gremium",
    classification: "ausschuss",
    illustrative: false,
  },
  ir: { name: "Integrationsrat", shortName: "IR", kind: "gremium", classification: "beirat", illustrative: false },
} as const;
export type OrgKey = keyof typeof ORGANISATIONS;

/** Fictional people; every demo account shares DEMO_PASSWORD. */
export const DEMO_USERS = [
  {
    key: "federfuehrung",
    name: "Lena Hoffmann",
    org: "lead",
    admin: false,
    canCreateConcepts: true,
    roleLabel: "Federführung",
  },
  {
    key: "jugendamt",
    name: "Jonas Weber",
    org: "jugendamt",
    admin: false,
    canCreateConcepts: false,
    roleLabel: "Verwaltung (Jugendamt)",
  },
  {
    key: "diakonie",
    name: "Miriam Schulte",
    org: "diakonie",
    admin: false,
    canCreateConcepts: false,
    roleLabel: "Träger (Diakonie)",
  },
  { key: "awo", name: "Deniz Aydın", org: "awo", admin: false, canCreateConcepts: false, roleLabel: "Träger (AWO)" },
  // Every organisation the demo asks to sign off has an account, so the demo can be walked to the end.
  {
    key: "caritas",
    name: "Sabine Kaiser",
    org: "caritas",
    admin: false,
    canCreateConcepts: false,
    roleLabel: "Träger (Caritas)",
  },
  {
    key: "ausschuss",
    name: "Petra Lange",
    org: "ags",
    admin: false,
    canCreateConcepts: false,
    roleLabel: "Ausschussmitglied (AGS)",
  },
  {
    key: "admin",
    name: "Tobias Krüger",
    org: "lead",
    admin: true,
    canCreateConcepts: true,
    roleLabel: "Administration",
  },
] as const satisfies readonly {
  key: string;
  name: string;
  org: OrgKey;
  admin: boolean;
  canCreateConcepts: boolean;
  roleLabel: string;
}[];

export const demoEmail = (key: string) => `${key}@${DEMO_EMAIL_DOMAIN}`;

export const CONCEPT = {
  title: "Weiterentwicklung und Verstetigung der Welcome Points in Düsseldorf",
  mandateReference: "RAT/676/2021",
  decisionDate: "2021-12-16",
  deadline: "2022-06-30",
};

export const MANDATE_ITEMS = [
  "Inhaltliche Weiterentwicklung der Welcome Points",
  "Verstetigung des weiterentwickelten Angebots in bestehenden Strukturen der Gemeinwesenarbeit",
  "Prüfung der strukturellen Anbindung an die Familienzentren",
  "Vorstellung der Ergebnisse in AGS, JHA und Integrationsrat bis Ende Q2 2022",
];

/** Beratungsfolge: advisory bodies first, the deciding committee last (meeting dates illustrative). */
export const BERATUNGSFOLGE = [
  { committee: "ir", role: "vorberatung", meetingDate: "2022-05-31", meetingTime: "15:00" },
  { committee: "jha", role: "vorberatung", meetingDate: "2022-06-09", meetingTime: "14:00" },
  { committee: "ags", role: "entscheidung", meetingDate: "2022-06-23", meetingTime: "14:30" },
] as const satisfies readonly {
  committee: OrgKey;
  role: "vorberatung" | "entscheidung" | "kenntnisnahme";
  meetingDate: string;
  meetingTime: string;
}[];

export const SECTIONS: { title: string; owner: OrgKey; mandateItems: number[]; content: ReturnType<typeof doc> }[] = [
  {
    title: TITLES[0],
    owner: "lead",
    mandateItems: [3],
    content: doc(
      p(
        "Die Welcome Points sind als zentrale Anlaufstellen in den Stadtbezirken ab 2015 entstanden. Sie sollen unter anderem die Begegnung zwischen Geflüchteten und „alteingesessenen“ Düsseldorferinnen und Düsseldorfern fördern, um die Integration der neuen Einwohnerinnen und Einwohner in die Gesellschaft voranzubringen.",
      ),
      p(
        "Mit Beschluss vom 16. Dezember 2021 (RAT/676/2021) hat der Rat die Verwaltung beauftragt, gemeinsam mit den Trägern ein Konzept zu erarbeiten:",
      ),
      quote(
        "1. die Welcome Points inhaltlich weiterzuentwickeln und",
        "2. das weiterentwickelte Angebot in bereits bestehenden Strukturen der Gemeinwesenarbeit zu verstetigen. Dabei ist insbesondere eine strukturelle Anbindung an die Familienzentren zu prüfen.",
      ),
      p(
        "Die Ergebnisse werden dem Ausschuss für Gesundheit und Soziales, dem Jugendhilfeausschuss und dem Integrationsrat bis spätestens zum Ende des 2. Quartals 2022 vorgestellt.",
      ),
    ),
  },
  {
    title: TITLES[1],
    owner: "lead",
    mandateItems: [0],
    content: doc(
      p(
        "Die von Frau Prof. Dr. Anne van Rießen (Hochschule Düsseldorf) durchgeführte Evaluation kommt zu dem Fazit, dass die Welcome Points notwendige Institutionen sind, die eine langfristige und wechselseitige Integration von Geflüchteten unterstützen.",
      ),
      p(
        "Um die Aufgaben der Welcome Points kontinuierlich und konsequent zu sichern, ist allerdings eine strukturelle Stärkung erforderlich.",
      ),
      h(3, "Handlungsempfehlungen"),
      p(
        "Die auf der Grundlage der Evaluation erarbeiteten Handlungsempfehlungen schlagen vor, die Welcome Points an vorhandene Institutionen bzw. Angebote in nutzerinnen- und nutzerorientierte Strukturen in den Stadtbezirken anzubinden.",
      ),
    ),
  },
  {
    title: TITLES[2],
    owner: "diakonie",
    mandateItems: [0],
    content: doc(
      p(
        "Entwurf der Träger (illustrativ): Die Welcome Points entwickeln sich von Anlaufstellen für neu Zugewanderte zu offenen Begegnungsorten im Stadtteil.",
      ),
      ul(
        "Begegnung zwischen Geflüchteten und Nachbarschaft als Kernauftrag",
        "Lotsenfunktion in Regelangebote (Beratung, Sprachkurse, Arbeit, Bildung)",
        "Beteiligung der Nutzerinnen und Nutzer an der Programmgestaltung",
      ),
    ),
  },
  {
    title: TITLES[3],
    owner: "awo",
    mandateItems: [1],
    content: doc(
      p(
        "Ziel ist, die vor dem Hintergrund der Flüchtlingskrise der Jahre 2014/2015 kurzfristig geschaffenen separaten Strukturen für Geflüchtete in langjährig etablierte Angebote der Gemeinwesenarbeit zu integrieren. Dadurch sollen umfangreiche Synergieeffekte erzielt und die Qualität des Angebots in Zukunft gesichert werden.",
      ),
      p(
        "Das Angebot der Welcome Points soll sich langfristig als Standardleistung der bereits vor der Flüchtlingskrise bestehenden Angebote der dezentralen Gemeinwesenarbeit verstehen und entsprechend in diese Strukturen organisatorisch eingebunden sein.",
      ),
    ),
  },
  {
    title: TITLES[4],
    owner: "jugendamt",
    mandateItems: [2],
    content: doc(
      p(
        "Ebenfalls unverzichtbare Bausteine der dezentralen Gemeinwesenarbeit stellen in Düsseldorf die Familienzentren dar. Vorbilder für die im Rahmen des Landesprogramms „Familienzentrum NRW“ zertifizierten Familienzentren sind die aus der Gemeinwesenarbeit entstandenen stadtteilbezogenen „Sozialzentren“.",
      ),
      p(
        "Zu prüfen ist, ob für die Umsetzung der Handlungsempfehlungen auf die insbesondere in struktureller Hinsicht etablierten Familienzentren zurückgegriffen werden kann. Familienzentren gehören zur Jugendhilfe; die Prüfung liegt daher beim Jugendamt.",
      ),
    ),
  },
  {
    title: TITLES[5],
    owner: "caritas",
    mandateItems: [0, 1],
    content: doc(
      p("Übersicht der Welcome Points je Stadtbezirk (Stand und Zuordnung illustrativ, von den Trägern zu prüfen):"),
      table(
        ["Stadtbezirk", "Träger", "Anbindung geprüft an"],
        [
          ["1", "Diakonie Düsseldorf", "Familienzentrum im Stadtteil"],
          ["5", "Jugendberufshilfe der Stadt", "Zentrum plus"],
          ["9", "AWO Düsseldorf (Benrath)", "Familienzentrum im Stadtteil"],
        ],
      ),
    ),
  },
  {
    title: TITLES[6],
    owner: "lead",
    mandateItems: [1],
    content: doc(
      p("Die Finanzierung der verstetigten Angebote wird mit der Kämmerei abgestimmt. (Entwurf, Zahlen folgen.)"),
    ),
  },
  {
    title: TITLES[7],
    owner: "lead",
    mandateItems: [3],
    content: doc(
      p(
        "Das Konzept wird bis Ende des 2. Quartals 2022 dem Integrationsrat und dem Jugendhilfeausschuss zur Vorberatung und dem Ausschuss für Gesundheit und Soziales zur Entscheidung vorgelegt.",
      ),
    ),
  },
];
