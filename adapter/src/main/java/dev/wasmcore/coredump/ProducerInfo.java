package dev.wasmcore.coredump;

import java.util.List;

/**
 * What the reader concluded about a dump's producer and layout, and the facts it concluded it from.
 *
 * @param producer the producer
 * @param layout the corestack layout the frames were read in
 * @param localsRecorded whether the producer records frame locals and stacks at all (wasmtime does not)
 * @param evidence short facts, e.g. "every frame has empty locals and stack"
 */
public record ProducerInfo(Producer producer, StackLayout layout, boolean localsRecorded, List<String> evidence) {
  public ProducerInfo {
    evidence = List.copyOf(evidence);
  }
}
