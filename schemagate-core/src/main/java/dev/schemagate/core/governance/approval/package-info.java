/**
 * Signed approvals of work orders: Ed25519 key files ({@link
 * dev.schemagate.core.governance.approval.Keys}), the canonical bytes an approval covers ({@link
 * dev.schemagate.core.governance.approval.CanonicalForm}), and signing and verifying ({@link
 * dev.schemagate.core.governance.approval.Approvals}).
 *
 * <h2>Trust model</h2>
 *
 * The configured people and their public keys in {@code schemagate.yaml} are the trust root: an
 * approval counts only if it verifies against the public key configured for the person it names.
 * Whoever can edit that configuration can add a key, so it belongs under review like the migrations
 * themselves. A private key file is its owner's signature; it is never read from configuration and
 * never printed.
 *
 * <h2>What this package does not decide</h2>
 *
 * A valid approval proves who signed which bytes and when. Whether that person's role may approve
 * the environment, whether they authored the work order, whether enough approvals are present, and
 * whether the time is plausible are policy checks made by the caller with {@link
 * dev.schemagate.core.governance.approval.Verification#valid()} results in hand.
 *
 * <p>Anything not in the canonical form is not protected: see {@link
 * dev.schemagate.core.governance.approval.CanonicalForm}.
 */
package dev.schemagate.core.governance.approval;
