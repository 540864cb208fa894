package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.link.Link;
import io.github.core4j.runtime.loader.LoadOptions;
import io.github.core4j.runtime.loader.LoadedObject;
import io.github.core4j.runtime.loader.ObjectLoader;
import io.github.core4j.runtime.loader.OpenObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle every generated skeleton shares: open (parse the embedded object, no kernel
 * access), set global data, {@link #load()}, {@link #attach()}, use maps and programs, {@link
 * #close()}. Generated subclasses add typed accessors; this class keeps the state and says clearly
 * when a call comes at the wrong time (a map before load, a {@code .rodata} setter after it).
 */
public abstract class BpfSkeleton implements AutoCloseable {
  private final String objectName;
  private final OpenObject open;
  private @Nullable LoadedObject loaded;
  private final List<Link> links = new ArrayList<>();
  private final Map<String, Object> views = new LinkedHashMap<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private boolean closed;

  /**
   * Opens the object {@code objectBytes}; {@code objectName} (its file name) appears in messages.
   */
  protected BpfSkeleton(byte[] objectBytes, String objectName) {
    this.objectName = objectName;
    this.open = ObjectLoader.open(objectBytes, objectName);
  }

  /**
   * The bytes of class-path resource {@code name} beside {@code owner}: where a skeleton keeps its
   * object.
   */
  protected static byte[] resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the BPF object "
                + name
                + " is not on the class path beside "
                + owner.getName()
                + " (it is written next to the generated source's resources)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** Loads with {@link LoadOptions#defaults()}: the running kernel's BTF. */
  public void load() {
    load(LoadOptions.defaults());
  }

  /**
   * Relocates, creates the maps and loads the programs. After this, {@code .rodata} is frozen and
   * maps and programs can be used.
   */
  public synchronized void load(LoadOptions options) {
    requireNotClosed();
    if (loaded != null) {
      throw new IllegalStateException(objectName + " is already loaded");
    }
    loaded = open.load(options);
  }

  /**
   * Attaches every program whose section names its target (as libbpf's skeleton attach does); the
   * links are closed with the skeleton.
   */
  public synchronized List<Link> attach() {
    List<Link> attached = loaded().attachAll();
    links.addAll(attached);
    return List.copyOf(attached);
  }

  /** Records {@code link}, attached through one of this skeleton's program handles. */
  synchronized Link remember(Link link) {
    links.add(link);
    return link;
  }

  /** The links attached through this skeleton so far ({@link #attach()} and program handles). */
  public synchronized List<Link> links() {
    return List.copyOf(links);
  }

  /** Whether {@link #load} has run. */
  public synchronized boolean isLoaded() {
    return loaded != null;
  }

  /** The opened object, for what the typed accessors do not cover (autoload, raw global data). */
  public OpenObject openObject() {
    return open;
  }

  /** The loaded object; throws {@link IllegalStateException} before {@link #load}. */
  public synchronized LoadedObject loaded() {
    requireNotClosed();
    LoadedObject l = loaded;
    if (l == null) {
      throw new IllegalStateException(
          objectName + " is not loaded yet: call load() before using maps, programs or links");
    }
    return l;
  }

  /**
   * The memory of global data section {@code section} for reading: the object's initial data before
   * load, the live map memory after.
   */
  protected synchronized MemorySegment globalData(String section) {
    requireNotClosed();
    LoadedObject l = loaded;
    return l == null ? open.globalData(section) : l.globalData(section);
  }

  /**
   * The memory of {@code section} for writing; {@code readOnlyAfterLoad} sections ({@code
   * .rodata*}) throw {@link IllegalStateException} once loaded, since the kernel froze them.
   */
  protected synchronized MemorySegment writableGlobalData(
      String section, boolean readOnlyAfterLoad) {
    requireNotClosed();
    LoadedObject l = loaded;
    if (l == null) {
      return open.globalData(section);
    }
    if (readOnlyAfterLoad) {
      throw new IllegalStateException(
          section
              + " of "
              + objectName
              + " is frozen once loaded: set its variables between open() and load()");
    }
    return l.globalData(section);
  }

  /**
   * The typed view (map, ring buffer, program handle) registered under {@code key}, created on
   * first use; views that hold resources are closed with the skeleton.
   */
  protected <P> P view(String key, Supplier<P> create) {
    synchronized (views) {
      @SuppressWarnings("unchecked")
      P existing = (P) views.get(key);
      if (existing != null) {
        return existing;
      }
      P created = create.get();
      views.put(key, created);
      if (created instanceof AutoCloseable c) {
        resources.add(c);
      }
      return created;
    }
  }

  /** Detaches every link, closes ring buffers, maps and programs. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    List<AutoCloseable> toClose;
    synchronized (views) {
      toClose = List.copyOf(resources);
    }
    for (AutoCloseable r : toClose.reversed()) {
      try {
        r.close();
      } catch (Exception e) {
        failure = chain(failure, e);
      }
    }
    LoadedObject l = loaded;
    if (l != null) {
      try {
        l.close();
      } catch (RuntimeException e) {
        failure = chain(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException chain(@Nullable RuntimeException first, Exception next) {
    if (first == null) {
      return next instanceof RuntimeException r
          ? r
          : new IllegalStateException(next.getMessage(), next);
    }
    first.addSuppressed(next);
    return first;
  }

  private void requireNotClosed() {
    if (closed) {
      throw new IllegalStateException(objectName + " is closed");
    }
  }

  /** The object's file name. */
  public String objectName() {
    return objectName;
  }
}
