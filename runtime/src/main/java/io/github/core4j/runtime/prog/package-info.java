/**
 * Programs: {@link io.github.core4j.runtime.prog.ProgramSpec} (relocated instructions and load
 * options) into a loaded {@link io.github.core4j.runtime.prog.BpfProgram}; test runs; program,
 * attach type enums with kernel numbers and libbpf names.
 */
package io.github.core4j.runtime.prog;
