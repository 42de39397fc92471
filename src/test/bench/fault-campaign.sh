#!/usr/bin/env bash
# The bad-day campaign in one command (docs/resilience.md): builds the WAR, then starts an embedded
# MariaDB, GreenMail, Payara Micro instances and HAProxy on loopback, injects each fault and checks
# what was acknowledged against what is found after. Report: target/campaign/report.md.
# Arguments go to the program, e.g.  src/test/bench/fault-campaign.sh --candidates=200 --certificates=100
set -euo pipefail
cd "$(dirname "$0")/../../.."
args="$*"
exec mvn -B -ntp -q -DskipTests package test-compile exec:java@bench \
    -Dbench.main=org.examcert.bench.FaultCampaign -Dexec.args="$args"
