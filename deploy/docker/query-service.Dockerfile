# The query-service from its executable jar. Build the jar first, from the repository root:
#   ./mvnw -q package -DskipTests
# then (compose does this):  docker build -f deploy/docker/query-service.Dockerfile .
FROM eclipse-temurin:17-jre

# curl for the container health check
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system app && useradd --system --gid app --home-dir /app app
WORKDIR /app
COPY query-service/target/query-service-*-exec.jar /app/query-service.jar
USER app

ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Daxoniq.update-checker.disabled=true"
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8082/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/query-service.jar"]
