#!/usr/bin/env bash
# Renders docs/architecture.puml to docs/architecture.svg offline with PlantUML (MIT build from Maven
# Central; its built-in "smetana" layout needs no Graphviz). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.2026.10
jar="$HOME/.m2/repository/net/sourceforge/plantuml/plantuml-mit/$version/plantuml-mit-$version.jar"
[[ -f "$jar" ]] || mvn -B -q dependency:get -Dartifact=net.sourceforge.plantuml:plantuml-mit:$version -Dtransitive=false
java -Djava.awt.headless=true -jar "$jar" -tsvg docs/architecture.puml
