namespace LtvTools.Benchmarks;

/// <summary>The measured modes, numbered as in the issue.</summary>
internal static class ModeNames
{
    public const string Core = "core";
    public const string CoreOneThread = "core-1-thread";
    public const string EventObjects = "event-objects-1-thread";
    public const string CmdletPath = "cmdlet-path";
    public const string CmdletPathSilent = "cmdlet-path-silent";
    public const string Pipeline = "pipeline";
    public const string ImportOnly = "import-only";
    public const string BindingFloor = "binding-floor";
    public const string BindingFloorOneSet = "binding-floor-one-set";
    public const string PipelineCeiling = "pipeline-ceiling";
    public const string ParseCeiling = "parse-ceiling";
    public const string Peer = "peer-duckdb";
    public const string PeerBest = "peer-duckdb-best";
    public const string BindingFloorThreeSets = "binding-floor-three-sets";
    public const string SummaryPath = "summary-path";
    public const string ForecastFit = "forecast-fit";
    public const string ForecastPredict = "forecast-predict";
    public const string ForecastPath = "forecast-path";
}
