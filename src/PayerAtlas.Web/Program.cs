using PayerAtlas.Web;

// `dotnet PayerAtlas.Web.dll --PayerAtlas:Db=atlas.db --urls http://127.0.0.1:5080`, or `payeratlas serve`.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddPayerAtlas();

var app = builder.Build();
app.UsePayerAtlas();
app.Run();
