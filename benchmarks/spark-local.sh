#!/usr/bin/env bash
# Runs the ClaimLens Spark job the way spark-submit does (org.apache.spark.deploy.SparkSubmit, with the Java 17
# module flags spark-submit adds), on a machine without a Spark installation: Spark's jars come from Maven (the
# project's provided scope). For benchmarks and for checking the README's spark-submit line locally.
#
#   benchmarks/spark-local.sh 'local[2]' check --articles DIR --claims FILE --out DIR [--mode fast|light]
#   benchmarks/spark-local.sh 'local[1]' quotes --articles DIR --out DIR
#
# JVM heap: SPARK_DRIVER_MEMORY (default 4g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MASTER="$1"; shift
JAR=target/claimlens.jar
CP_FILE=target/spark-classpath.txt
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main models training-data/lexicons -newer "$JAR" -print -quit)" ]; then
  mvn -q -B -DskipTests package >&2
fi
if [ ! -f "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  # compile scope = compile + provided: Spark and its dependencies, and ours
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$CP_FILE" >&2
fi
OPENS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
 --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
# shellcheck disable=SC2086
exec java -Xmx"${SPARK_DRIVER_MEMORY:-4g}" $OPENS -Dai.djl.offline=true -cp "$(cat "$CP_FILE")" \
  org.apache.spark.deploy.SparkSubmit --master "$MASTER" --conf spark.ui.enabled=false \
  --class io.claimlens.spark.ClaimLensSparkJob \
  --jars "$(ls target/lib/*.jar | grep -v slf4j-simple | paste -sd, -)" \
  "$JAR" "$@"
