package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.BtfVar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gives every BTF type reached from a map or global its Java form, generating records, union views
 * and enums on first use. Named C types become nested types of the skeleton ({@code struct event} →
 * {@code Event}); anonymous ones are named after where they are reached from (member {@code u} of
 * {@code Event} → {@code Event.U}, global {@code cpu_range} → {@code CpuRange}), never by a
 * counter, so the same object always gives the same names.
 */
final class TypeResolver {
  private final Btf btf;
  private final ClassName skeleton;
  private final NameScope topScope;
  private final Map<Integer, JType> cache = new HashMap<>();
  private final List<TypeSpec> topLevel = new ArrayList<>();
  private final Map<ClassName, List<TypeSpec>> nested = new LinkedHashMap<>();
  private final Map<ClassName, NameScope> scopes = new HashMap<>();

  TypeResolver(Btf btf, ClassName skeleton, NameScope topScope) {
    this.btf = btf;
    this.skeleton = skeleton;
    this.topScope = topScope;
  }

  Btf btf() {
    return btf;
  }

  /** The generated types that are direct members of the skeleton class, in discovery order. */
  List<TypeSpec> topLevelTypes() {
    return List.copyOf(topLevel);
  }

  /** The generated types nested in {@code owner} (anonymous member types), in discovery order. */
  List<TypeSpec> nestedTypes(ClassName owner) {
    return List.copyOf(nested.getOrDefault(owner, List.of()));
  }

  /**
   * The Java form of type {@code id}; an anonymous struct, union or enum is named {@code suggested}
   * inside {@code parent} (or the skeleton when null).
   */
  JType resolve(int id, @Nullable ClassName parent, String suggested) {
    String cType = CTypeNames.of(btf, id);
    @Nullable String typedefName = null;
    int cur = id;
    for (int depth = 0; depth < 64; depth++) {
      BtfType t = btf.type(cur);
      if (t instanceof BtfTypedef) {
        if (typedefName == null) {
          typedefName = t.name();
        }
        cur = ((BtfTypedef) t).type();
      } else if (t instanceof BtfQualifier) {
        cur = ((BtfQualifier) t).type();
      } else if (t instanceof BtfVar) {
        cur = ((BtfVar) t).type();
      } else {
        break;
      }
    }
    BtfType t = btf.type(cur);
    if (t instanceof BtfInt) {
      return intType((BtfInt) t, cType);
    }
    if (t instanceof BtfFloat) {
      int size = ((BtfFloat) t).size();
      if (size == 4 || size == 8) {
        return new ScalarType(size == 4 ? ScalarKind.F32 : ScalarKind.F64, false, false, cType);
      }
      return new OpaqueType(size, cType);
    }
    if (t instanceof BtfPtr) {
      return new ScalarType(ScalarKind.ofIntSize(btf.pointerSize()), true, true, cType);
    }
    if (t instanceof BtfArray) {
      BtfArray a = (BtfArray) t;
      JType element = resolve(a.type(), parent, suggested);
      return new ArrayType(element, Math.toIntExact(a.elementCount()), cType);
    }
    if (t instanceof BtfComposite || t instanceof BtfEnum || t instanceof BtfEnum64) {
      JType known = cache.get(cur);
      if (known != null) {
        return known;
      }
      String cName = !t.name().isEmpty() ? t.name() : typedefName;
      ClassName owner = cName != null || parent == null ? skeleton : parent;
      String preferred = JavaNames.upperCamel(cName != null ? cName : suggested);
      if (preferred.isEmpty()) {
        preferred = "Anonymous";
      }
      ClassName className = place(owner, preferred, suffix(t));
      return generate(cur, t, className, owner, cType);
    }
    long size;
    try {
      size = btf.resolveSize(cur);
    } catch (IllegalArgumentException e) {
      size = 0;
    }
    return new OpaqueType(size, cType);
  }

  private JType generate(int id, BtfType t, ClassName className, ClassName owner, String cType) {
    JType type;
    if (t instanceof BtfEnum || t instanceof BtfEnum64) {
      int size = t instanceof BtfEnum ? ((BtfEnum) t).size() : ((BtfEnum64) t).size();
      boolean signed = t instanceof BtfEnum ? ((BtfEnum) t).signed() : ((BtfEnum64) t).signed();
      ScalarType raw = new ScalarType(ScalarKind.ofIntSize(size), !signed, false, cType);
      type = new EnumType(raw, className, cType);
      cache.put(id, type);
      add(owner, EnumWriter.write(t, className, cType));
      return type;
    }
    BtfComposite c = (BtfComposite) t;
    type = new CompositeType(className, c.size(), cType);
    cache.put(id, type);
    TypeSpec spec =
        c instanceof BtfUnion
            ? UnionWriter.write(this, (BtfUnion) c, className, cType)
            : RecordWriter.write(this, c, className, cType);
    add(owner, spec);
    return type;
  }

  private void add(ClassName owner, TypeSpec spec) {
    if (owner.equals(skeleton)) {
      topLevel.add(spec);
    } else {
      nested.computeIfAbsent(owner, o -> new ArrayList<>()).add(spec);
    }
  }

  private ClassName place(ClassName owner, String preferred, String suffix) {
    if (owner.equals(skeleton)) {
      return skeleton.nestedClass(topScope.take(preferred, suffix));
    }
    NameScope scope =
        scopes.computeIfAbsent(owner, o -> new NameScope(o.simpleNames().toArray(new String[0])));
    return owner.nestedClass(scope.take(preferred, suffix));
  }

  private static String suffix(BtfType t) {
    if (t instanceof BtfUnion) {
      return "Union";
    }
    if (t instanceof BtfComposite) {
      return "Struct";
    }
    return "Enum";
  }

  private static JType intType(BtfInt i, String cType) {
    if (i.isBool() && i.size() == 1) {
      return new ScalarType(ScalarKind.BOOL, true, false, cType);
    }
    switch (i.size()) {
      case 1:
      case 2:
      case 4:
      case 8:
        return new ScalarType(ScalarKind.ofIntSize(i.size()), !i.isSigned(), false, cType);
      default:
        return new OpaqueType(i.size(), cType);
    }
  }
}
