using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>Lets -Connection take a connection object or the name given to Connect-OpenAi.</summary>
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case OpenAiConnection connection:
                    return connection;
                case string name:
                    return OpenAiConnectionRegistry.Find(name) ?? throw new ArgumentTransformationMetadataException(
                        $"There is no connection named '{name}'. Get-OpenAiConnection lists them; Connect-OpenAi -Name '{name}' creates it.");
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"-Connection takes a connection (from Get-OpenAiConnection) or its name, not a {value.GetType().Name}.");
            }
        }
    }
}
