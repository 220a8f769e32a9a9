# Shared settings of the packaging scripts (sourced by build.sh and the Windows/macOS notes).
# Modules of the trimmed runtime: what the jars need (jdeps and their module-info files, see
# docs/adr "packaging"); jdk.localedata for Chinese dates and numbers (only en and zh are kept),
# jdk.charsets for GBK/GB18030 files, jdk.unsupported for JavaFX.
TB_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.localedata,jdk.charsets
TB_DESCRIPTION="TrustBench 可信核验工作台 - filing verification workbench for after-sales service providers of imported special equipment"
TB_VENDOR="TrustBench"
TB_COPYRIGHT="TrustBench"
TB_MAINTAINER="trustbench@localhost"
TB_JAVA_OPTIONS=(-Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true)

# The runtime the packages ship (ADR 0010): a JDK 25 or later, whose AOT cache (JEP 483, 514, 515)
# starts the workbench faster than JDK 17's AppCDS. TB_RUNTIME_JDK names one; otherwise the newest
# JDK 25+ under /usr/lib/jvm that can jlink; otherwise the build JDK given as $1 (then AppCDS).
tb_java_feature() { # JDK_OR_RUNTIME_DIR -> 17, 25, …
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
tb_runtime_jdk() { # BUILD_JDK
  if [ -n "${TB_RUNTIME_JDK:-}" ]; then echo "$TB_RUNTIME_JDK"; return; fi
  local best="" best_feature=0 d f
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/jlink" ] && [ -x "$d/bin/jpackage" ] && [ -f "$d/release" ] || continue
    f=$(tb_java_feature "$d"); f=${f:-0}
    if [ "$f" -ge 25 ] && [ "$f" -gt "$best_feature" ]; then best=$d; best_feature=$f; fi
  done
  echo "${best:-$1}"
}
# Launcher options on a JDK 24 or later: JavaFX 21 loads its natives through JNI and its Marlin
# renderer uses sun.misc.Unsafe; both print warnings at every start without these.
TB_JAVA_OPTIONS_NEW_JDK=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
