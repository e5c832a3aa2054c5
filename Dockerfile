# ActorMap nodes and console in one image; docker-compose.yml runs it as a Seed, WorkerNodes and
# the console, deploy/kubernetes/ as a StatefulSet and a Deployment.
#   docker build -t actormap:local .
# Build stage: restore first from the project files alone, so a source change reuses the
# restored packages layer; then publish the three programs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Hocon/Hocon.csproj src/Hocon/
COPY src/Messages/Messages.csproj src/Messages/
COPY src/Compute/Compute.csproj src/Compute/
COPY src/Functions/Functions.csproj src/Functions/
COPY src/Hosting/Hosting.csproj src/Hosting/
COPY src/Seed/Seed.csproj src/Seed/
COPY src/WorkerNode/WorkerNode.csproj src/WorkerNode/
COPY src/Client/Client.csproj src/Client/
# -a: the image's own architecture (amd64 or arm64), which ReadyToRun compiles for.
RUN dotnet restore src/Seed/Seed.csproj -a $TARGETARCH \
 && dotnet restore src/WorkerNode/WorkerNode.csproj -a $TARGETARCH \
 && dotnet restore src/Client/Client.csproj -a $TARGETARCH
COPY src/ src/
# The output folders are the paths every command names: seed/actormap-seed.dll,
# worker/actormap-worker.dll, client/actormap.dll (tests/Hosting.Tests/Deploy checks them).
RUN dotnet publish src/Seed/Seed.csproj -c Release -a $TARGETARCH --no-restore --self-contained false -o /app/seed \
 && dotnet publish src/WorkerNode/WorkerNode.csproj -c Release -a $TARGETARCH --no-restore --self-contained false -o /app/worker \
 && dotnet publish src/Client/Client.csproj -c Release -a $TARGETARCH --no-restore --self-contained false -o /app/client

# Runtime stage: ASP.NET Core runtime (the Seed serves its gRPC client endpoint on Kestrel), no SDK.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Nodes read ./cluster.hocon, whose ${?ACTORMAP_...} lines take the container's environment.
COPY cluster.hocon ./
# A container binds every interface, so the nodes need TLS: ACTORMAP_TLS_DIR names the directory
# made by `actormap certs create`, mounted at run time (a compose secret, a Kubernetes Secret).
# The health port is the node's local status listener (127.0.0.1 only), which `health` asks:
# the compose healthcheck and the Kubernetes probes run the node's own binary, as the image has
# no curl.
ENV ACTORMAP_HOSTNAME=0.0.0.0 \
    ACTORMAP_API_HOSTNAME=0.0.0.0 \
    ACTORMAP_CACHE_DIR=/tmp/actormap-cache \
    ACTORMAP_HEALTH_PORT=4055
# 4053: the cluster (Akka.Remote over TLS); 4080: the Seed's client endpoint (gRPC over TLS).
EXPOSE 4053 4080
# The unprivileged user the .NET images provide (uid 1654).
USER $APP_UID
# Exec form: dotnet is PID 1 and gets SIGTERM itself, which runs Akka's CoordinatedShutdown (the
# node leaves the cluster and its chunks move) instead of a shell swallowing the signal.
# A Seed unless told otherwise; compose and Kubernetes give each program its arguments.
ENTRYPOINT ["dotnet"]
CMD ["seed/actormap-seed.dll"]
