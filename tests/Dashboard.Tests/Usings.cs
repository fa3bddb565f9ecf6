global using Otp;
global using Otp.Dashboard;
