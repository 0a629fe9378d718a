/**
 * Evidence packs: what one gated execution leaves behind, and the check that it is still what was
 * written.
 *
 * <ul>
 *   <li>{@link dev.schemagate.core.governance.evidence.EvidencePack} writes {@code
 *       evidence/<WO>/<timestamp>/} with a {@code manifest.json} holding every file's size and
 *       SHA-256, and a byte-reproducible {@code .zip} of it next to the directory; it never
 *       overwrites a pack.
 *   <li>{@link dev.schemagate.core.governance.evidence.EvidenceVerifier} checks a pack directory or
 *       zip against its manifest and verifies the approvals of the {@code work-order.md} inside,
 *       reporting every defect as a problem line instead of throwing.
 *   <li>{@link dev.schemagate.core.governance.evidence.PeopleFile} writes and reads the pack's
 *       {@code people.json}, the public keys of the day.
 *   <li>{@link dev.schemagate.core.governance.evidence.ReportHtml} renders the Markdown report as a
 *       self-contained, escaped HTML page.
 * </ul>
 *
 * <p>This package is generic: it does not know which files an execution produces or what they hold.
 * The caller chooses them (work order, dry-run SQL, lint, schema diff, statements, report) and must
 * keep secrets out of them; nothing here redacts.
 *
 * <h2>Trust model</h2>
 *
 * The manifest is not signed. It makes a pack tamper-evident only together with its SHA-256 ({@link
 * dev.schemagate.core.governance.evidence.WrittenPack#manifestSha256()}) recorded where the pack's
 * writer cannot rewrite it, the hash-chained audit log. The approvals inside prove the work order
 * was approved as it stands; they say nothing about the execution's evidence.
 */
package dev.schemagate.core.governance.evidence;
