package dev.schemagate.core.config;

/**
 * Someone (or an automated agent) named in {@code schemagate.yaml}.
 *
 * @param name how work orders and approvals name them
 * @param role their place in the authority chain
 * @param publicKey their Ed25519 public key as {@code ed25519:<base64 X.509>}, or null for one who
 *     never signs (a worker); checked for form here, for validity when a signature is verified
 */
public record Person(String name, Role role, String publicKey) {}
