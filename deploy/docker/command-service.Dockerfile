# The command-service from its executable jar. Build the jar first, from the repository root:
#   ./mvnw -q package -DskipTests
# then (compose does this):  docker build -f deploy/docker/command-service.Dockerfile .
FROM eclipse-temurin:17-jre

# curl for the container health check
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system app && useradd --system --gid app --home-dir /app app
WORKDIR /app
COPY command-service/target/command-service-*-exec.jar /app/command-service.jar
USER app

ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Daxoniq.update-checker.disabled=true"
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/command-service.jar"]
