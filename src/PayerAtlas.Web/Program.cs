using PayerAtlas.Web;

// `dotnet PayerAtlas.Web.dll --PayerAtlas:Db=atlas.db --urls http://127.0.0.1:5080 [--config payeratlas.json]`, or `payeratlas serve`.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddPayerAtlas(args: args);

var app = builder.Build();
app.UsePayerAtlas();
app.Run();
