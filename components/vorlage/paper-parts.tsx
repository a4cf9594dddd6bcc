/**
 * The parts of a council paper (Beschlussvorschlag, finanzielle Auswirkungen, Begründung) as the lead submitted
 * them, under one heading level below the Vorlage's own; parts that were not given are left out.
 */
export function PaperParts({
  parts,
  headingLevel = 3,
}: {
  parts: { id: string; label: string; text: string | null }[];
  headingLevel?: 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return parts.map((part) =>
    part.text ? (
      <section key={part.id} aria-labelledby={`teil-${part.id}`} className="mt-6 max-w-3xl">
        <Heading id={`teil-${part.id}`} className="text-lg font-bold">
          {part.label}
        </Heading>
        <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{part.text}</p>
      </section>
    ) : null,
  );
}
