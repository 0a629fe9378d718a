package dev.schemagate.core.governance.approval;

import java.nio.file.Path;

/**
 * The two files {@link Keys#generate} wrote. Holds no key material, only where it is and how to
 * name it, so it is safe to print.
 *
 * @param privateKey the {@code <name>.key} file: keep it secret, never commit it
 * @param publicKey the {@code <name>.pub} file: share it
 * @param fingerprint {@link Keys#fingerprint} of the public key
 * @param inlinePublicKey the public key as {@code ed25519:<base64>}, for {@code schemagate.yaml}
 * @param ownerOnly whether the private key file was created readable by its owner only (false where
 *     the file system has no POSIX permissions; protect the file by other means there)
 */
public record KeyFiles(
    Path privateKey,
    Path publicKey,
    String fingerprint,
    String inlinePublicKey,
    boolean ownerOnly) {}
