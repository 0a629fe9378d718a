package dev.schemagate.core.governance.gate;

/** What git says about one declared migration file. Only {@link #COMMITTED_CLEAN} passes. */
public enum GitState {
  /** Tracked, and the working copy equals the last commit. */
  COMMITTED_CLEAN,
  /** Tracked, but changed (staged or not) since the last commit. */
  MODIFIED,
  /** In a repository, but never added. */
  UNTRACKED,
  /** Not inside a git repository at all, so nothing proves which version was reviewed. */
  NOT_A_REPOSITORY
}
