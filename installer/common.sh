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
