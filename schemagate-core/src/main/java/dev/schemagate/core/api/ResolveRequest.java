package dev.schemagate.core.api;

/**
 * Declares how a failed step outside a transaction was finished by hand.
 *
 * @param revision the revision whose step is partial or interrupted
 * @param applied true when its statements were completed by hand (the step counts as done); false
 *     when they were undone (the step counts as not run, and will run again)
 */
public record ResolveRequest(String revision, boolean applied) {}
